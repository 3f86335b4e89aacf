package be.ebox.system;

import java.util.List;
import java.util.Locale;

import be.ebox.browser.Browser;
import be.ebox.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The home page and the page frame every page shares, in a real browser. */
@BrowserTest
class HomePageBrowserTest {

	@Autowired
	MessageSource messages;

	@ParameterizedTest
	@ValueSource(strings = { "nl", "fr", "de", "en" })
	void isAccessibleInEachLanguage(String language, Browser browser) {
		browser.open("/?lang=" + language);

		assertThat(browser.language()).isEqualTo(language);
		assertThat(browser.heading()).isEqualTo(message("app.tagline", language));
		browser.assertAccessible();
		// axe ran through WebDriver, and the page itself broke no CSP rule and raised no script error
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "fr", "de", "en" })
	void errorPageIsAccessibleInEachLanguage(String language, Browser browser) {
		browser.open("/error?lang=" + language);

		assertThat(browser.language()).isEqualTo(language);
		assertThat(browser.heading()).isEqualTo(message("error.title", language));
		assertThat(browser.texts("main p")).first().isEqualTo(message("error.general", language));
		browser.assertAccessible();
	}

	@Test
	void languageSwitchChangesThePageAndIsRemembered(Browser browser) {
		browser.open("/?lang=nl").clickLink("FR");

		assertThat(browser.language()).isEqualTo("fr");
		assertThat(browser.heading()).isEqualTo(message("app.tagline", "fr"));
		assertThat(browser.text(".language-switch [aria-current=true]")).isEqualTo("FR");
		assertThat(browser.cookie("ebox-lang")).contains("fr");

		browser.open("/login");
		assertThat(browser.language()).isEqualTo("fr");
		assertThat(browser.heading()).isEqualTo(message("login.title", "fr"));

		browser.clickLink("DE");
		assertThat(browser.currentPath()).isEqualTo("/login?lang=de");
		assertThat(browser.heading()).isEqualTo(message("login.title", "de"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "fr", "de", "en" })
	void needsNoHorizontalScrollingOnAPhone(String language, Browser browser) {
		browser.viewport(375, 812);
		for (String page : List.of("/?lang=", "/login?lang=", "/error?lang=")) {
			browser.open(page + language);
			assertThat(browser.scrollsHorizontally()).as(page + language + " at 375 px").isFalse();
		}
	}

	@Test
	void keyboardReachesTheSkipLinkFirstThenTheNavigation(Browser browser) {
		browser.open("/?lang=en");

		WebElement skip = browser.tab().focused();
		assertThat(skip.getText()).isEqualTo("Skip to main content");
		assertThat(skip.getRect().getX()).as("the focused skip link is on screen").isGreaterThanOrEqualTo(0);
		assertThat(List.of(browser.tab().focused().getText(), browser.tab().focused().getText(),
				browser.tab().focused().getText()))
			.containsExactly("e-Box", "Sign in", "NL");

		browser.open("/?lang=en").tab().press(Keys.ENTER);
		assertThat(browser.focused().getDomAttribute("id")).isEqualTo("main");
	}

	private String message(String code, String language) {
		return messages.getMessage(code, null, Locale.forLanguageTag(language));
	}
}
