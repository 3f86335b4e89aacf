package be.ebox.identity.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.ebox.identity.AccountState;
import be.ebox.identity.Accounts;
import be.ebox.identity.UsernameTakenException;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The operator bootstrap, called directly with the password setting it would get from EBOX_OPERATOR_PASSWORD.
 * Most tests use a made-up operator username, so they never change the real {@code operator} of the shared database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperatorAccountTest {

	static final Pattern BANNER_PASSWORD = Pattern.compile("password: (\\S+)");

	static final String CHOSEN = "Tall-Ships-Sail-Slowly-42";

	@Autowired
	OperatorAccount bootstrap;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	WebApplicationContext context;

	final ByteArrayOutputStream console = new ByteArrayOutputStream();

	final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

	@Test
	void theOperatorExistsAfterStart() {
		var operator = accounts.findByUsername("operator").orElseThrow();
		assertThat(operator.operator()).isTrue();
		assertThat(operator.state()).isEqualTo(AccountState.ACTIVE);
	}

	@Test
	void withoutAPasswordSettingItGeneratesOneAndShowsItOnceOnTheConsole() {
		String username = IdentityTestData.username();
		bootstrap.ensurePresent(username, "", out);

		String banner = console.toString(StandardCharsets.UTF_8);
		Matcher shown = BANNER_PASSWORD.matcher(banner);
		assertThat(shown.find()).as(banner).isTrue();
		String password = shown.group(1);
		assertThat(password).hasSize(20).matches("[A-Za-z2-9]{20}");
		assertThat(banner).contains("username: " + username).contains("EBOX_OPERATOR_PASSWORD");
		String hash = hash(username);
		assertThat(hash).startsWith("{argon2}").doesNotContain(password);
		assertThat(encoder.matches(password, hash)).isTrue();
		var account = accounts.findByUsername(username).orElseThrow();
		assertThat(account.operator()).isTrue();
		assertThat(account.state()).isEqualTo(AccountState.ACTIVE);

		console.reset();
		bootstrap.ensurePresent(username, "", out);
		assertThat(console.size()).as("shown once only").isZero();
		assertThat(hash(username)).as("unchanged").isEqualTo(hash);
	}

	@Test
	void withAPasswordSettingItUsesItAndShowsNothing() {
		String username = IdentityTestData.username();
		bootstrap.ensurePresent(username, CHOSEN, out);
		assertThat(console.size()).isZero();
		assertThat(encoder.matches(CHOSEN, hash(username))).isTrue();
	}

	@Test
	void aChangedPasswordSettingReplacesTheStoredPasswordAtStart() {
		String username = IdentityTestData.username();
		bootstrap.ensurePresent(username, "", out);
		bootstrap.ensurePresent(username, CHOSEN, out);
		String hash = hash(username);
		assertThat(encoder.matches(CHOSEN, hash)).isTrue();

		bootstrap.ensurePresent(username, CHOSEN, out);
		assertThat(hash(username)).as("the same password is not hashed again").isEqualTo(hash);
	}

	@Test
	void aPasswordThePolicyRefusesStopsTheStartWithAClearMessage() {
		String username = IdentityTestData.username();
		bootstrap.ensurePresent(username, CHOSEN, out);
		String hash = hash(username);
		assertThatIllegalStateException().isThrownBy(() -> bootstrap.ensurePresent(username, "short", out))
			.withMessageContaining("EBOX_OPERATOR_PASSWORD").withMessageContaining("TOO_SHORT")
			.withMessageContaining("12 characters").withMessageNotContaining("short)");
		assertThatIllegalStateException().isThrownBy(() -> bootstrap.ensurePresent(username, "qwerty123456", out))
			.withMessageContaining("TOO_COMMON").withMessageNotContaining("qwerty123456");
		assertThatIllegalStateException()
			.isThrownBy(() -> bootstrap.ensurePresent(username, "my-" + username + "-is-long", out))
			.withMessageContaining("CONTAINS_USERNAME");
		assertThat(hash(username)).isEqualTo(hash);
		String absent = IdentityTestData.username();
		assertThatIllegalStateException().isThrownBy(() -> bootstrap.ensurePresent(absent, "short", out));
		assertThat(accounts.findByUsername(absent)).isEmpty();
	}

	@Test
	void aPersonsAccountIsNeverTurnedIntoTheOperator() {
		String username = IdentityTestData.username();
		IdentityTestData.activeAccount(accounts, username, "nl");
		assertThatIllegalStateException().isThrownBy(() -> bootstrap.ensurePresent(username, CHOSEN, out))
			.withMessageContaining("not the platform operator");
		assertThat(accounts.findByUsername(username).orElseThrow().operator()).isFalse();
	}

	@Test
	void nobodyCanTakeTheOperatorsUsername() {
		assertThatExceptionOfType(UsernameTakenException.class)
			.isThrownBy(() -> accounts.createPending(" Operator ", "Mallory", null, "nl"));
	}

	@Test
	void theOperatorSignsInAtTheLoginPageAndLandsOnTheOperatorPages() throws Exception {
		// as if restarted with EBOX_OPERATOR_PASSWORD set: the real operator account gets a known password
		bootstrap.ensurePresent(OperatorAccount.USERNAME, CHOSEN, out);
		var mvc = MockMvcBuilders.webAppContextSetup(context)
			.addFilters(context.getBean("springSecurityFilterChain", Filter.class))
			.build();
		var response = mvc.perform(post("/login").param("username", "operator").param("password", CHOSEN).with(csrf())
			.with(FormSignInTest.from(IdentityTestData.address()))).andReturn().getResponse();
		assertThat(response.getRedirectedUrl()).isEqualTo("/operator");
	}

	private String hash(String username) {
		return jdbc.sql("SELECT password_hash FROM identity_account WHERE username = ?").param(username)
			.query(String.class).single();
	}
}
