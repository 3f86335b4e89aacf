package be.ebox.access;

import java.time.Duration;
import java.util.List;

import be.ebox.browser.Browser;
import be.ebox.browser.BrowserTest;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.testsupport.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, item 7 in a real Chromium with its WebAuthn virtual authenticator (a platform authenticator that verifies
 * the user): a new access manager enrols a passkey as their second factor, completes the sign-in with it, signs in
 * with it again, sees and removes it; every page in every language passes axe.
 */
@BrowserTest
class PasskeyBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void anAccessManagerEnrolsAPasskeyAndSignsInWithIt(Browser browser) {
		EnterpriseNumber enterprise = new TestEnterprises(jdbc).legalPerson("Clé SA", "Sleutel NV");
		var manager = new People(port, jdbc, encoder).notSignedIn(enterprise, Role.MAIN_ACCESS_MANAGER);
		VirtualAuthenticator authenticator = browser.chrome().addVirtualAuthenticator(new VirtualAuthenticatorOptions()
			.setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
			.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
			.setHasResidentKey(true)
			.setHasUserVerification(true)
			.setIsUserVerified(true));
		try {
			passwordStep(browser, manager.username());
			assertThat(browser.currentPath()).isEqualTo("/second-factor/enrol");
			for (String language : List.of("nl", "fr", "de", "en")) {
				browser.open("/second-factor/enrol?lang=" + language).assertAccessible();
			}
			browser.fillById("passkey-label", "Test key");
			browser.driver().findElement(By.id("passkey-register")).click();
			awaitPath(browser, "/second-factor");
			assertThat(authenticator.getCredentials()).hasSize(1);
			assertThat(actions(manager.username())).contains("SECOND_FACTOR_PASSKEY_ADDED");
			assertThat(browser.heading()).isEqualTo("Second step of signing in");

			browser.driver().findElement(By.id("passkey-authenticate")).click();
			awaitLeaving(browser);
			assertThat(browser.currentPath()).isEqualTo("/ebox");
			browser.open("/ebox/access/" + enterprise.digits());
			assertThat(browser.heading()).isEqualTo("Users");

			// the next sign-in: password, then the passkey
			browser.clickButton("Sign out");
			passwordStep(browser, manager.username());
			assertThat(browser.currentPath()).isEqualTo("/second-factor");
			for (String language : List.of("nl", "fr", "de", "en")) {
				browser.open("/second-factor?lang=" + language).assertAccessible();
			}
			browser.driver().findElement(By.id("passkey-authenticate")).click();
			awaitLeaving(browser);
			browser.open("/account/second-factor?lang=en");
			assertThat(browser.text("#passkeys")).contains("Test key");
			for (String language : List.of("nl", "fr", "de", "en")) {
				browser.open("/account/second-factor?lang=" + language).assertAccessible();
			}
			assertThat(browser.consoleErrors()).isEmpty();

			browser.clickButton("Remove Test key");
			assertThat(browser.isPresent("#passkeys")).isFalse();
			assertThat(actions(manager.username())).contains("SECOND_FACTOR_PASSKEY_REMOVED");
		}
		finally {
			browser.chrome().removeVirtualAuthenticator(authenticator);
		}
	}

	/** The login form alone (not Browser.signIn, which would answer the second step itself). */
	private static void passwordStep(Browser browser, String username) {
		browser.open("/login?lang=en").fillById("username", username).fillById("password", People.PASSWORD);
		browser.clickButton("Sign in");
	}

	private static void awaitPath(Browser browser, String path) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> browser.currentPath().equals(path));
	}

	private static void awaitLeaving(Browser browser) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(d -> !browser.currentPath().startsWith("/second-factor"));
	}

	private List<String> actions(String username) {
		return jdbc.sql("SELECT action FROM audit_record WHERE actor = ? ORDER BY seq").param(username).query(String.class).list();
	}
}
