package be.ebox.identity.internal;

import be.ebox.identity.AccountId;
import be.ebox.identity.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The page language: chosen on any page, remembered by a cookie, and kept on the signed-in person's account. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LanguagePreferenceTest {

	static final String GERMAN = "Ihr Unternehmen registrieren";

	static final String FRENCH = "Enregistrer votre entreprise";

	static final String DUTCH = "Uw onderneming registreren";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Test
	void aLanguageChosenOnAPageStaysForTheNextPages() throws Exception {
		var browser = new Browser(port);
		var chosen = browser.get("/?lang=de");
		assertThat(chosen.body()).contains(GERMAN).contains("lang=\"de\"");
		assertThat(chosen.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("ebox-lang=de"));
		assertThat(browser.cookie("ebox-lang")).contains("de");

		assertThat(browser.get("/").body()).contains(GERMAN);
		assertThat(browser.get("/login").body()).contains("Benutzername");
		assertThat(browser.get("/?lang=xx").body()).as("an unknown language is ignored").contains(GERMAN);
	}

	@Test
	void aLanguageChosenWhileSignedInIsStoredOnTheAccount() throws Exception {
		String user = IdentityTestData.username();
		AccountId id = IdentityTestData.activeAccount(accounts, user, "nl");
		var browser = new Browser(port);
		browser.signIn(user, IdentityTestData.PASSWORD);

		assertThat(browser.get("/?lang=fr").body()).contains(FRENCH);
		assertThat(accounts.find(id).orElseThrow().language()).isEqualTo("fr");

		// another browser, where nobody chose a language yet: the account's language wins at sign-in
		var elsewhere = new Browser(port);
		assertThat(elsewhere.get("/").body()).as("browser default").contains(DUTCH);
		elsewhere.signIn(user, IdentityTestData.PASSWORD);
		assertThat(elsewhere.cookie("ebox-lang")).contains("fr");
		assertThat(elsewhere.get("/").body()).contains(FRENCH);
	}

	@Test
	void aLanguageChosenOnTheLoginPageIsStoredAtSignIn() throws Exception {
		String user = IdentityTestData.username();
		AccountId id = IdentityTestData.activeAccount(accounts, user, "fr");
		var browser = new Browser(port);
		assertThat(browser.get("/login?lang=de").body()).contains("Benutzername");
		browser.signIn(user, IdentityTestData.PASSWORD);

		assertThat(accounts.find(id).orElseThrow().language()).isEqualTo("de");
		assertThat(browser.get("/").body()).contains(GERMAN);
	}

	@Test
	void changeLanguageAcceptsOnlyTheFourLanguages() {
		AccountId id = IdentityTestData.activeAccount(accounts, IdentityTestData.username(), "nl");
		accounts.changeLanguage(id, "en");
		assertThat(accounts.find(id).orElseThrow().language()).isEqualTo("en");
		assertThatIllegalArgumentException().isThrownBy(() -> accounts.changeLanguage(id, "es"));
		assertThatIllegalArgumentException().isThrownBy(() -> accounts.changeLanguage(id, null));
		assertThat(accounts.find(id).orElseThrow().language()).isEqualTo("en");
	}
}
