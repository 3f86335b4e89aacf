package be.ebox.identity.internal;

import java.time.Duration;

import be.ebox.identity.TemporarilyLockedException;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import be.ebox.identity.AccountId;
import be.ebox.identity.Accounts;
import be.ebox.identity.EboxUser;
import be.ebox.identity.SignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What other modules' controllers get from identity: a lockout thrown anywhere becomes a 429 page in the person's
 * language (or problem+json from an API), and {@link SignIn} signs a person in outside the login form (as the
 * activation of an e-Box does). The controllers below stand for those modules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ IdentityForOtherModulesTest.LockingPage.class, IdentityForOtherModulesTest.LockingApi.class,
		IdentityForOtherModulesTest.ActivationLikePage.class })
class IdentityForOtherModulesTest {

	@Controller
	static class LockingPage {

		@GetMapping("/test/locked-page")
		String locked() {
			throw new TemporarilyLockedException(Duration.ofSeconds(601));
		}
	}

	@RestController
	static class LockingApi {

		@GetMapping("/test/locked-api")
		String locked() {
			throw new TemporarilyLockedException(Duration.ofMinutes(3));
		}
	}

	/** Anonymous like an activation page (permitted under /activate/**), signs the given account in. */
	@Controller
	static class ActivationLikePage {

		private final SignIn signIn;

		ActivationLikePage(SignIn signIn) {
			this.signIn = signIn;
		}

		@PostMapping("/activate/test-only-sign-in")
		String signIn(@RequestParam UUID account, HttpServletRequest request, HttpServletResponse response) {
			signIn.signIn(new AccountId(account), request, response);
			return "redirect:/ebox";
		}
	}

	@Autowired
	WebApplicationContext context;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		var person = new EboxUser(AccountId.random(), "someone", "Someone", null, true, false);
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
			.defaultRequest(get("/").with(user(person)))
			.build();
	}

	@Test
	void aPageAnswers429WithAFriendlyMessageInTheChosenLanguage() throws Exception {
		mvc.perform(get("/test/locked-page").param("lang", "fr"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "601"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Trop de tentatives")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("veuillez patienter 11 minute(s)")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("hreflang=\"de\"")));
		mvc.perform(get("/test/locked-page").param("lang", "nl"))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Te veel pogingen")));
		mvc.perform(get("/test/locked-page").param("lang", "de"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Zu viele Versuche")));
		mvc.perform(get("/test/locked-page").param("lang", "en"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("please wait 11 minute(s)")));
	}

	@Test
	void anApiAnswers429AsProblemJson() throws Exception {
		mvc.perform(get("/test/locked-api").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "180"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(429));
	}

	@Test
	void signInGivesANewSessionIdStoredInTheDatabaseAndTheAccountsLanguage() throws Exception {
		String user = IdentityTestData.username();
		AccountId id = IdentityTestData.activeAccount(accounts, user, "de");
		var browser = new Browser(port);
		String token = Browser.csrfToken(browser.get("/login").body());
		String before = browser.cookie(SessionSecurityTest.SESSION_COOKIE).orElseThrow();

		var response = browser.post("/activate/test-only-sign-in", Browser.form("account", id.toString(), "_csrf", token));

		assertThat(response.statusCode()).isEqualTo(302);
		String after = browser.cookie(SessionSecurityTest.SESSION_COOKIE).orElseThrow();
		assertThat(after).isNotEqualTo(before);
		String sessionId = new String(Base64.getDecoder().decode(after), StandardCharsets.UTF_8);
		assertThat(jdbc.sql("SELECT principal_name FROM spring_session WHERE session_id = ?").param(sessionId)
			.query(String.class).single()).isEqualTo(user);
		assertThat(browser.get("/ebox").statusCode()).as("signed in").isIn(200, 404); // 200 once enrolment serves /ebox
		assertThat(browser.cookie("ebox-lang")).contains("de");
		assertThat(browser.get("/").body()).contains(LanguagePreferenceTest.GERMAN);
	}
}
