package be.ebox.identity.internal;

import java.time.Clock;

import be.ebox.identity.Accounts;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The login form against the real filter chain and database. Every test signs in from its own made-up client
 * addresses (MockMvc lets us choose them), so the address lockout never spills over to other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FormSignInTest {

	static final String FAILED = "/login?error";

	@Autowired
	WebApplicationContext context;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LockoutProperties lockout;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context)
			.addFilters(context.getBean("springSecurityFilterChain", Filter.class))
			.build();
	}

	@Test
	void theRightPasswordSignsInAndLandsOnTheEbox() throws Exception {
		String user = IdentityTestData.username();
		IdentityTestData.activeAccount(accounts, user, "nl");
		assertThat(signIn(user, IdentityTestData.PASSWORD, IdentityTestData.address())).isEqualTo("/ebox");
		assertThat(signIn(" " + user.toUpperCase() + " ", IdentityTestData.PASSWORD, IdentityTestData.address()))
			.as("usernames are case-insensitive").isEqualTo("/ebox");
	}

	@Test
	void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() throws Exception {
		String user = IdentityTestData.username();
		IdentityTestData.activeAccount(accounts, user, "nl");
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(user, "wrong-password-" + i, IdentityTestData.address())).isEqualTo(FAILED);
		}
		assertThat(signIn(user, IdentityTestData.PASSWORD, IdentityTestData.address())).isEqualTo(FAILED);
		assertThat(signIn(user.toUpperCase(), IdentityTestData.PASSWORD, IdentityTestData.address())).isEqualTo(FAILED);

		String other = IdentityTestData.username();
		IdentityTestData.activeAccount(accounts, other, "nl");
		assertThat(signIn(other, IdentityTestData.PASSWORD, IdentityTestData.address())).as("other accounts")
			.isEqualTo("/ebox");
	}

	@Test
	void twentyFailuresFromOneAddressLockItAcrossUsernames() throws Exception {
		String address = IdentityTestData.address();
		String user = IdentityTestData.username();
		IdentityTestData.activeAccount(accounts, user, "nl");
		for (int i = 0; i < 20; i++) {
			assertThat(signIn(IdentityTestData.username(), "guess-" + i, address)).isEqualTo(FAILED);
		}
		assertThat(signIn(user, IdentityTestData.PASSWORD, address)).isEqualTo(FAILED);
		assertThat(signIn(user, IdentityTestData.PASSWORD, IdentityTestData.address())).as("from elsewhere")
			.isEqualTo("/ebox");
	}

	@Test
	void anUnknownUsernameAnswersExactlyLikeAWrongPassword() throws Exception {
		String known = IdentityTestData.username();
		IdentityTestData.activeAccount(accounts, known, "nl");
		String unknown = IdentityTestData.username();
		String pending = IdentityTestData.username();
		accounts.createPending(pending, "Pending", null, "nl");

		MvcResult wrongPassword = signInResult(known, "wrong-password", IdentityTestData.address());
		MvcResult unknownName = signInResult(unknown, "wrong-password", IdentityTestData.address());
		MvcResult noPasswordYet = signInResult(pending, "wrong-password", IdentityTestData.address());
		for (MvcResult result : new MvcResult[] { unknownName, noPasswordYet }) {
			assertThat(result.getResponse().getStatus()).isEqualTo(wrongPassword.getResponse().getStatus()).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(wrongPassword.getResponse().getRedirectedUrl());
			assertThat(result.getResponse().getHeaderNames()).containsExactlyInAnyOrderElementsOf(
					wrongPassword.getResponse().getHeaderNames());
		}
		// unknown names lock out exactly like known ones: the lockout does not tell them apart either
		for (int i = 0; i < 5; i++) {
			signIn(unknown, "wrong-password", IdentityTestData.address());
		}
		assertThat(jdbc.sql("SELECT locked_until FROM identity_sign_in_throttle WHERE subject = ?")
			.param(JdbcSignInThrottle.subject(JdbcSignInThrottle.Kind.ACCOUNT, unknown))
			.query(java.time.OffsetDateTime.class)
			.single()).isNotNull();
	}

	@Test
	void theLoginPageShowsOneMessageForWrongCredentialsAndForLockout() throws Exception {
		String page = mvc.perform(get(FAILED).param("lang", "en")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("The username or password is incorrect, or the account is temporarily locked.");
		String dutch = mvc.perform(get(FAILED).param("lang", "nl")).andReturn().getResponse().getContentAsString();
		assertThat(dutch).contains("De gebruikersnaam of het wachtwoord is onjuist, of de account is tijdelijk vergrendeld.");
	}

	@Test
	void failuresRecordedByAnotherInstanceCount() throws Exception {
		String user = IdentityTestData.username();
		IdentityTestData.activeAccount(accounts, user, "nl");
		// a second throttle on the same database stands for another instance of the application
		var otherInstance = new JdbcSignInThrottle(jdbc, lockout, clock, transactions);
		for (int i = 0; i < 5; i++) {
			otherInstance.recordFailure(user, IdentityTestData.address());
		}
		assertThat(signIn(user, IdentityTestData.PASSWORD, IdentityTestData.address())).isEqualTo(FAILED);
	}

	@Test
	void aSuccessfulSignInForgetsEarlierFailuresOfTheAccount() throws Exception {
		String user = IdentityTestData.username();
		IdentityTestData.activeAccount(accounts, user, "nl");
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 4; i++) {
				assertThat(signIn(user, "wrong-password", IdentityTestData.address())).isEqualTo(FAILED);
			}
			assertThat(signIn(user, IdentityTestData.PASSWORD, IdentityTestData.address())).isEqualTo("/ebox");
		}
	}

	@Test
	void aBcryptHashIsReplacedByArgon2AtTheNextSignIn() throws Exception {
		String user = IdentityTestData.username();
		IdentityTestData.activeAccount(accounts, user, "nl");
		jdbc.sql("UPDATE identity_account SET password_hash = ? WHERE username = ?")
			.params("{bcrypt}" + new BCryptPasswordEncoder().encode(IdentityTestData.PASSWORD), user)
			.update();
		assertThat(signIn(user, IdentityTestData.PASSWORD, IdentityTestData.address())).isEqualTo("/ebox");
		assertThat(jdbc.sql("SELECT password_hash FROM identity_account WHERE username = ?").param(user)
			.query(String.class).single()).startsWith("{argon2}");
	}

	@Test
	void theSessionNeverHoldsThePasswordHash() throws Exception {
		String user = IdentityTestData.username();
		IdentityTestData.activeAccount(accounts, user, "nl");
		MvcResult result = signInResult(user, IdentityTestData.PASSWORD, IdentityTestData.address());
		var context = (org.springframework.security.core.context.SecurityContext) result.getRequest().getSession()
			.getAttribute("SPRING_SECURITY_CONTEXT");
		var principal = (be.ebox.identity.EboxUser) context.getAuthentication().getPrincipal();
		assertThat(principal.getUsername()).isEqualTo(user);
		assertThat(principal.getPassword()).isNull();
		assertThat(context.getAuthentication().getCredentials()).isNull();
	}

	private String signIn(String username, String password, String address) throws Exception {
		return signInResult(username, password, address).getResponse().getRedirectedUrl();
	}

	private MvcResult signInResult(String username, String password, String address) throws Exception {
		return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
			.with(from(address))).andReturn();
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
