package be.ebox.identity;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import be.ebox.browser.Browser;
import be.ebox.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in page in a real browser: labels, the localized error, accessibility, keyboard. */
@BrowserTest
class LoginPageBrowserTest {

	@Autowired
	MessageSource messages;

	@Autowired
	Accounts accounts;

	@ParameterizedTest
	@ValueSource(strings = { "nl", "fr", "de", "en" })
	void isAccessibleInEachLanguage(String language, Browser browser) {
		browser.open("/login?lang=" + language);

		assertThat(browser.language()).isEqualTo(language);
		assertThat(browser.heading()).isEqualTo(message("login.title", language));
		assertThat(browser.fieldLabelled(message("login.username", language)).getDomAttribute("id")).isEqualTo("username");
		assertThat(browser.fieldLabelled(message("login.password", language)).getDomAttribute("type")).isEqualTo("password");
		browser.assertAccessible();
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "fr", "de", "en" })
	void wrongSignInShowsTheErrorInThePageLanguage(String language, Browser browser) {
		browser.open("/login?lang=" + language)
			.fillByLabel(message("login.username", language), "nobody-" + UUID.randomUUID())
			.fillByLabel(message("login.password", language), "not the password")
			.submit();

		assertThat(browser.currentPath()).isEqualTo("/login?error");
		assertThat(browser.language()).isEqualTo(language);
		assertThat(browser.text(".error-summary")).isEqualTo(message("login.failed", language));
		assertThat(browser.isPresent(".error-summary[role=alert]")).isTrue();
		browser.assertAccessible();
	}

	@Test
	void keyboardReachesTheSkipLinkFirstThenTheNavigationThenTheForm(Browser browser) {
		browser.open("/login?lang=nl");

		assertThat(List.of(browser.tab().focused().getText(), browser.tab().focused().getText(),
				browser.tab().focused().getText()))
			.containsExactly(message("nav.skip", "nl"), "e-Box", message("nav.signIn", "nl"));
		browser.tab().tab().tab().tab(); // NL FR DE EN
		assertThat(browser.tab().focused().getDomAttribute("id")).isEqualTo("username");
		assertThat(browser.tab().focused().getDomAttribute("id")).isEqualTo("password");
	}

	@Test
	void signsInAndOutWithTheFrameShowingWhoIsSignedIn(Browser browser) {
		String username = "browser-" + UUID.randomUUID();
		String password = "Brievenbus-" + UUID.randomUUID();
		AccountId account = accounts.createPending(username, "Lotte Peeters", username + "@example.be", "nl");
		accounts.choosePassword(account, password);

		browser.open("/?lang=nl").signIn(username, password).open("/");

		assertThat(browser.text(".site-header__user")).isEqualTo("Lotte Peeters");
		assertThat(browser.cookie("SESSION")).as("Spring Session's cookie").isPresent();
		browser.assertAccessible();

		browser.clickButton(message("nav.signOut", "nl"));

		assertThat(browser.currentPath()).isEqualTo("/?signedOut");
		assertThat(browser.text(".notice")).isEqualTo(message("index.signedOut", "nl"));
		assertThat(browser.isPresent(".site-header__user")).isFalse();
		browser.assertAccessible();
	}

	private String message(String code, String language) {
		return messages.getMessage(code, null, Locale.forLanguageTag(language));
	}
}
