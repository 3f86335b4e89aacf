package be.ebox.enrolment.internal;

import be.ebox.registry.EnterpriseNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The public pages in several languages, driven like a browser: cookies kept, CSRF tokens sent. */
class EnrolmentPagesTest extends EnrolmentTestSupport {

	@Autowired
	MockMvc mvc;

	@Test
	void theRegistrationPageSpeaksTheUsersLanguageAndHasStableIds() throws Exception {
		var browser = new Browser(mvc, ActivationTest.nextAddress());
		String page = html(browser.perform(get("/register").header("Accept-Language", "fr")));
		assertThat(page).contains("lang=\"fr\"").contains("Enregistrer votre entreprise")
			.contains("<label for=\"enterpriseNumber\"").contains("id=\"enterpriseNumber\"")
			.contains("<label for=\"representativeName\"").contains("<label for=\"email\"")
			.contains("<label for=\"letterLanguage\"").contains("id=\"register-submit\"")
			.contains("name=\"_csrf\"")
			.containsPattern("<option value=\"fr\" lang=\"fr\"\\s+selected=\"selected\">Français</option>");
	}

	@Test
	void postsWithoutCsrfTokenAreRefused() throws Exception {
		var result = mvc.perform(post("/register").param("enterpriseNumber", "0123456749")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void invalidNumbersSayWhyInTheUsersLanguage() throws Exception {
		var browser = new Browser(mvc, ActivationTest.nextAddress());
		String dutch = html(browser.perform(register("nl", "12345", "Jan Peeters", "jan@example.be")));
		assertThat(dutch).contains("Dit is geen ondernemingsnummer")
			.contains("aria-describedby=\"enterpriseNumber-hint enterpriseNumber-error\"")
			.contains("aria-invalid=\"true\"").contains("id=\"enterpriseNumber-error\"")
			.contains("value=\"Jan Peeters\"");

		String german = html(new Browser(mvc, ActivationTest.nextAddress())
			.perform(register("de", "0123.456.788", "Jan Peeters", "not-an-email")));
		assertThat(german).contains("Prüfziffern").contains("gültige E-Mail-Adresse")
			.contains("aria-describedby=\"email-error\"");
	}

	@Test
	void unknownNaturalAndAlreadyRegisteredEnterprisesAreExplained() throws Exception {
		var browser = new Browser(mvc, ActivationTest.nextAddress());
		EnterpriseNumber person = enterprises.enterprise("AC", "000", "1", "Jean Dupont", "Jan Dupont", true);
		EnterpriseNumber registered = enterprises.legalPerson("Déjà SA", "Al NV");
		enrolment.register(request(registered, "nl"));

		assertThat(html(browser.perform(register("en", be.ebox.testsupport.TestEnterprises.freshNumber().digits(), "Ann",
				"ann@example.be")))).contains("does not know this enterprise number");
		assertThat(html(browser.perform(register("fr", person.formatted(), "Ann", "ann@example.be"))))
			.contains("personne physique");
		assertThat(html(browser.perform(register("nl", "BE" + registered.digits(), "Ann", "ann@example.be"))))
			.contains("Deze onderneming is al geregistreerd");
	}

	@Test
	void registrationAndActivationThroughThePages() throws Exception {
		EnterpriseNumber number = enterprises.legalPerson("Société Générale Liège", "Algemene Maatschappij Luik");
		var browser = new Browser(mvc, ActivationTest.nextAddress());

		MvcResult registered = browser.perform(register("fr", number.formatted(), "Marie Dupont", "marie@example.be"));
		assertThat(registered.getResponse().getRedirectedUrl()).isEqualTo("/register/done");
		String done = html(browser.perform(get("/register/done").header("Accept-Language", "fr")
			.flashAttrs(registered.getFlashMap())));
		String username = jdbc.sql("""
				SELECT a.username FROM identity_account a JOIN enrolment_ebox e ON e.main_account_id = a.id
				WHERE e.enterprise_number = ?""").param(number.digits()).query(String.class).single();
		String code = codeIn(letterText(number));
		assertThat(done).contains("Société Générale Liège").contains("Place Saint-Lambert 18 box B")
			.contains("4000 Liège").contains(number.formatted())
			.doesNotContain(username).doesNotContain(code);

		// activation, in German this time
		String refused = html(browser.perform(post("/activate").with(csrf()).header("Accept-Language", "de")
			.param("username", username).param("activationCode", "AAAA-BBBB-CCCC-DDDD")));
		assertThat(refused).contains("Der Benutzername oder der Aktivierungscode ist nicht richtig")
			.contains("aria-describedby=\"activationCode-hint activation-error\"");
		assertThat(browser.perform(get("/activate/password")).getResponse().getRedirectedUrl()).isEqualTo("/activate");

		MvcResult verified = browser.perform(post("/activate").with(csrf()).header("Accept-Language", "de")
			.param("username", username).param("activationCode", code.replace("-", " ")));
		assertThat(verified.getResponse().getRedirectedUrl()).isEqualTo("/activate/password");
		String passwordPage = html(browser.perform(get("/activate/password").header("Accept-Language", "de")));
		assertThat(passwordPage).contains(username).contains("Nutzungsbedingungen der e-Box (Version 1)")
			.contains("id=\"password\"").contains("id=\"passwordRepeat\"").contains("id=\"acceptTerms\"")
			.contains("id=\"activate-complete\"").doesNotContain(code);

		assertThat(html(browser.perform(choosePassword("kurz", "kurz", true))))
			.contains("Das Passwort muss mindestens 12 Zeichen haben")
			.contains("aria-describedby=\"password-hint password-error\"");
		assertThat(html(browser.perform(choosePassword("qwerty123456", "qwerty123456", true))))
			.contains("Dieses Passwort ist zu gängig");
		assertThat(html(browser.perform(choosePassword("ein " + username + " passwort", "ein " + username + " passwort", true))))
			.contains("Das Passwort darf Ihren Benutzernamen nicht enthalten");
		assertThat(html(browser.perform(choosePassword(ActivationTest.PASSWORD, ActivationTest.PASSWORD + "!", true))))
			.contains("Die beiden Passwörter sind nicht gleich");
		assertThat(html(browser.perform(choosePassword(ActivationTest.PASSWORD, ActivationTest.PASSWORD, false))))
			.contains("Nehmen Sie die Nutzungsbedingungen an");

		MvcResult activated = browser.perform(choosePassword(ActivationTest.PASSWORD, ActivationTest.PASSWORD, true));
		assertThat(activated.getResponse().getRedirectedUrl()).isEqualTo("/ebox");
		assertThat(enrolment.state(number)).contains(be.ebox.enrolment.EboxState.ACTIVE);
		// a main access manager passes the second step of signing in before reaching the e-Box
		assertThat(browser.perform(get("/ebox")).getResponse().getRedirectedUrl()).isEqualTo("/second-factor/enrol");
		assertThat(browser.passSecondStep(jdbc, username).getResponse().getRedirectedUrl()).endsWith("/ebox");

		// after sign-in the pages speak the account's language: French, the language chosen at registration
		String home = html(browser.perform(get("/ebox").header("Accept-Language", "de")));
		assertThat(home).contains("Société Générale Liège").contains(number.formatted())
			.contains("Gestionnaire d'accès principal").contains("Active").contains("Pas encore de messages");
		// the proven code left the session with the activation
		assertThat(browser.perform(get("/activate/password")).getResponse().getRedirectedUrl()).isEqualTo("/activate");
	}

	@Test
	void theEboxHomeNeedsSignIn() throws Exception {
		var result = mvc.perform(get("/ebox")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
	}

	@Test
	void theActivationPageShowsTheLockout() throws Exception {
		EnterpriseNumber number = enterprises.legalPerson("Bloquée SA", "Geblokkeerd NV");
		var credentials = enrolment.registerWithCredentials(request(number, "nl"));
		var browser = new Browser(mvc, ActivationTest.nextAddress());
		String page = "";
		MvcResult result = null;
		for (int attempt = 0; attempt < 50 && !page.contains("Te veel mislukte pogingen"); attempt++) {
			result = browser.perform(post("/activate").with(csrf()).header("Accept-Language", "nl")
				.param("username", credentials.username()).param("activationCode", "AAAA-BBBB-CCCC-DDDD"));
			page = html(result);
		}
		assertThat(page).contains("Te veel mislukte pogingen").containsPattern("over \\d+ minuten");
		assertThat(result.getResponse().getStatus()).isEqualTo(429);
		assertThat(result.getResponse().getHeader("Retry-After")).matches("\\d+");
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder register(String language,
			String number, String name, String email) {
		return post("/register").with(csrf()).header("Accept-Language", language)
			.param("enterpriseNumber", number).param("representativeName", name).param("email", email)
			.param("letterLanguage", language);
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder choosePassword(
			String password, String repeat, boolean acceptTerms) {
		var request = post("/activate/password").with(csrf()).header("Accept-Language", "de")
			.param("password", password).param("passwordRepeat", repeat).param("termsVersion", "1");
		return acceptTerms ? request.param("acceptTerms", "true") : request;
	}

	static String html(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
			.replace("&#39;", "'");
	}
}
