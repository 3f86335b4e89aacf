package be.ebox.browser;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import be.ebox.testsupport.TestSecondFactor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives each {@link BrowserTest} class one headless Chromium (started before its first test, quit after its last),
 * wipes cookies between tests, hands the tests a {@link Browser} and saves a screenshot of every failed test in
 * {@code target/browser-screenshots/}. Without Chromium the class is skipped with a message, or fails when
 * {@code EBOX_REQUIRE_BROWSER=true}.
 */
public final class BrowserExtension
		implements BeforeAllCallback, TestInstancePreConstructCallback, BeforeEachCallback, ParameterResolver, TestWatcher {

	static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	private static final String MISSING = "no Chromium";

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		var store = context.getStore(NAMESPACE);
		if (store.get(ChromiumSession.class) != null) {
			return; // a @Nested class shares the browser of its enclosing class
		}
		Optional<ChromiumInstallation> installation = ChromiumInstallation.locate();
		if (installation.isEmpty()) {
			store.put(MISSING, Boolean.TRUE);
			unavailable(System.getenv(), System.out);
			return;
		}
		store.put(ChromiumSession.class, ChromiumSession.start(installation.get()));
	}

	/**
	 * Without a browser, each test is skipped before its instance (and so the Spring context) is created: the test
	 * report then counts every skipped browser test, not just an empty class.
	 */
	@Override
	public void preConstructTestInstance(TestInstanceFactoryContext factory, ExtensionContext context) {
		if (context.getStore(NAMESPACE).get(MISSING) != null) {
			Assumptions.abort(ChromiumInstallation.MISSING_MESSAGE);
		}
	}

	/**
	 * Fails the test class in CI, where a build that silently skips its browser tests proves nothing; else says
	 * once per class, on stdout, why its tests will be skipped.
	 */
	static void unavailable(Map<String, String> env, PrintStream out) {
		if (ChromiumInstallation.required(env)) {
			throw new AssertionError(ChromiumInstallation.REQUIRE_VARIABLE + "=true, but "
					+ ChromiumInstallation.MISSING_MESSAGE.replace("browser tests skipped: ", ""));
		}
		out.println(ChromiumInstallation.MISSING_MESSAGE);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		session(context).reset();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		if (port == null) {
			throw new IllegalStateException("@BrowserTest needs a running server: @SpringBootTest(webEnvironment = RANDOM_PORT)");
		}
		JdbcClient jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcClient.class);
		return new Browser(session(context).driver(), "http://localhost:" + port,
				username -> TestSecondFactor.answer(jdbc, TestSecondFactor.account(jdbc, username)));
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		ChromiumSession session = context.getStore(NAMESPACE).get(ChromiumSession.class, ChromiumSession.class);
		if (session == null) {
			return;
		}
		String name = (context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
				+ "-" + context.getDisplayName()).replaceAll("[^A-Za-z0-9._-]+", "_");
		try {
			Files.createDirectories(SCREENSHOTS);
			Path png = SCREENSHOTS.resolve(name + ".png");
			Files.write(png, session.driver().getScreenshotAs(OutputType.BYTES));
			Files.writeString(SCREENSHOTS.resolve(name + ".html"), session.driver().getPageSource(), StandardCharsets.UTF_8);
			System.out.println("browser screenshot of the failed test: " + png.toAbsolutePath() + " (page "
					+ session.driver().getCurrentUrl() + ")");
		}
		catch (IOException | RuntimeException ex) {
			// the test's own failure is what matters; a missing screenshot must not replace it
			System.out.println("no browser screenshot for " + name + ": " + ex);
		}
	}

	private static ChromiumSession session(ExtensionContext context) {
		ChromiumSession session = context.getStore(NAMESPACE).get(ChromiumSession.class, ChromiumSession.class);
		if (session == null) {
			throw new IllegalStateException("no browser: is the test class annotated with @BrowserTest?");
		}
		return session;
	}
}
