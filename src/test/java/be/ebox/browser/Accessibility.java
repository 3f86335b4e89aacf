package be.ebox.browser;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

/**
 * axe-core checks at WCAG 2.1 level AA. axe is injected with WebDriver's {@code executeScript}, which runs in the
 * page through the DevTools protocol and is not subject to the page's Content-Security-Policy, so the
 * application keeps its strict {@code script-src 'self'} (a test proves it: the pages log no CSP violation).
 */
public final class Accessibility {

	public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private Accessibility() {
	}

	/** Fails with one line per violated rule and element when axe finds a WCAG 2.1 AA problem on the page shown. */
	public static void assertNoAccessibilityViolations(WebDriver driver) {
		Results results = analyze(driver);
		if (results.isErrored()) {
			throw new AssertionError("axe-core could not analyse " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
		}
		if (!results.getViolations().isEmpty()) {
			throw new AssertionError(describe(driver.getCurrentUrl(), results.getViolations()));
		}
	}

	/** The raw axe results, for a test that wants to look at passes or incomplete checks too. */
	public static Results analyze(WebDriver driver) {
		return new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
	}

	static String describe(String url, List<Rule> violations) {
		var text = new StringBuilder();
		text.append(violations.size()).append(" accessibility violation(s) (WCAG 2.1 AA) on ").append(url).append(':');
		for (Rule rule : violations) {
			text.append("\n- ").append(rule.getId()).append(" [").append(rule.getImpact()).append("] ")
				.append(rule.getHelp()).append(" (").append(rule.getHelpUrl()).append(')');
			for (CheckedNode node : rule.getNodes()) {
				text.append("\n    at ").append(target(node.getTarget()));
				if (node.getFailureSummary() != null) {
					text.append(": ").append(node.getFailureSummary().replace('\n', ' '));
				}
			}
		}
		return text.toString();
	}

	private static String target(Object target) {
		if (target instanceof List<?> selectors) {
			return selectors.stream().map(String::valueOf).collect(Collectors.joining(" >>> "));
		}
		return String.valueOf(target);
	}
}
