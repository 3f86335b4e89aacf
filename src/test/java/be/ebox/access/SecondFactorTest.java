package be.ebox.access;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.ebox.WebSession;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.testsupport.MutableClock;
import be.ebox.testsupport.MutableClockConfiguration;
import be.ebox.testsupport.TestEnterprises;
import be.ebox.testsupport.TestSecondFactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, item 7 over HTTP: an access manager enrols or proves a second factor before reaching anything; TOTP codes
 * with the application's clock moved by the test (window of one step either side, each code good once); recovery
 * codes good once; wrong codes count towards the lockout; a user (optional mode) goes straight in until appointed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
class SecondFactorTest {

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7 ]+)<");

	private static final Pattern QR = Pattern.compile("src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"");

	private static final Pattern RECOVERY = Pattern.compile("<li><code>([a-z0-9-]+)</code></li>");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	MutableClock clock;

	People people;

	EnterpriseNumber enterprise;

	@BeforeEach
	void setUp() {
		people = new People(port, jdbc, encoder);
		enterprise = new TestEnterprises(jdbc).legalPerson("Deux Facteurs SA", "Twee Factoren NV");
	}

	/** The wrong codes here all come from 127.0.0.1: its count must not lock out the tests that run next. */
	@AfterEach
	void resetClockAndAddressCount() {
		clock.reset();
		jdbc.sql("DELETE FROM identity_sign_in_throttle WHERE kind = 'ADDRESS'").update();
	}

	@Test
	void anAccessManagerEnrolsBeforeReachingAnythingAndThenReachesEverything() {
		var manager = people.notSignedIn(enterprise, Role.MAIN_ACCESS_MANAGER);
		var web = manager.web();
		assertThat(location(password(web, manager.username()))).endsWith("/second-factor/enrol");

		for (String path : List.of("/ebox", "/ebox/access/" + enterprise.digits(), "/ebox/access/" + enterprise.digits() + "/history",
				"/account/second-factor", "/second-factor")) {
			assertThat(location(web.get(path))).as(path).endsWith("/second-factor/enrol");
		}
		web.get("/second-factor/enrol"); // a page with the session's CSRF token
		assertThat(location(web.postForm("/ebox/access/" + enterprise.digits() + "/invitations", "name=X&email=x%40x.example&language=en")))
			.endsWith("/second-factor/enrol");

		var page = web.get("/second-factor/enrol?lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		String secret = group(SECRET, page.body()).replace(" ", "");
		assertThat(secret).hasSize(32);
		String svg = new String(Base64.getDecoder().decode(group(QR, page.body())), StandardCharsets.UTF_8);
		assertThat(svg).startsWith("<svg").contains("<path");
		assertThat(web.get("/second-factor/enrol").body()).as("the same key until confirmed").contains(group(SECRET, page.body()));

		var wrong = web.postForm("/second-factor/enrol", "code=" + wrongCode(secret));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("This code is not valid");

		awaitStepStart();
		var confirmed = web.postForm("/second-factor/enrol", "code=" + TestSecondFactor.code(secret, clock));
		assertThat(location(confirmed)).endsWith("/second-factor/recovery-codes");
		var codesPage = web.get("/second-factor/recovery-codes");
		List<String> codes = all(RECOVERY, codesPage.body());
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		assertThat(location(web.get("/second-factor/recovery-codes"))).as("shown once").endsWith("/account/second-factor");

		assertThat(web.get("/ebox").statusCode()).isEqualTo(200);
		assertThat(web.get("/ebox/access/" + enterprise.digits()).statusCode()).isEqualTo(200);
		assertThat(web.get("/account/second-factor").body()).contains("An authenticator app is set up.").contains("Unused recovery codes: 10");
		assertThat(actions(manager.username())).contains("SECOND_FACTOR_TOTP_ENROLLED", "ACCESS_SECOND_FACTOR_TOTP_ENROLLED");
		assertThat(web.get("/ebox/access/" + enterprise.digits() + "/history?lang=en").body())
			.as("the enterprise's access history").contains("Authenticator app set up");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_recovery_code WHERE code_hash = ?").param(codes.get(0)).query(Integer.class).single())
			.as("codes are stored hashed").isZero();

		// the next sign-in asks for the factor
		var again = new WebSession(port);
		assertThat(location(password(again, manager.username()))).endsWith("/second-factor");
		assertThat(location(again.get("/ebox"))).endsWith("/second-factor");
		assertThat(again.get("/second-factor").statusCode()).isEqualTo(200);
	}

	@Test
	void anAppCodeIsGoodOnceAndOneStepEitherSideOfTheClock() {
		var manager = people.notSignedIn(enterprise, Role.ACCESS_MANAGER);
		TestSecondFactor.enrol(jdbc, manager.account().value());
		clock.advance(Duration.ofDays(3));

		var first = signInWith(manager.username(), codeAt(-2));
		assertThat(first.statusCode()).as("two steps late").isEqualTo(200);
		String slowPhone = codeAt(-1);
		var late = signInWith(manager.username(), slowPhone);
		assertThat(location(late)).as("one step late (a slow phone clock)").endsWith("/ebox");
		var replay = signInWith(manager.username(), slowPhone);
		assertThat(replay.statusCode()).as("the same code again").isEqualTo(200);
		assertThat(replay.body()).contains("This code is not valid");
		var early = signInWith(manager.username(), codeAt(1));
		assertThat(location(early)).as("one step early").endsWith("/ebox");
		var older = signInWith(manager.username(), codeAt(0));
		assertThat(older.statusCode()).as("a code older than one already used").isEqualTo(200);
		assertThat(signInWith(manager.username(), codeAt(2)).statusCode()).as("two steps early").isEqualTo(200);

		clock.advance(Duration.ofSeconds(2 * 30));
		var later = signInWith(manager.username(), codeAt(0));
		assertThat(location(later)).as("the code of a later step").endsWith("/ebox");
	}

	/**
	 * The app's code {@code offset} steps from the application's clock now, early enough in the step that the sign-in
	 * which uses it (a password hash first: seconds on a busy machine) ends in the same step.
	 */
	private String codeAt(int offset) {
		awaitStepStart();
		return TestSecondFactor.code(TestSecondFactor.SECRET, step() + offset);
	}

	@Test
	void aRecoveryCodeIsGoodOnce() {
		var manager = people.notSignedIn(enterprise, Role.MAIN_ACCESS_MANAGER);
		String code = TestSecondFactor.answer(jdbc, manager.account().value());

		var used = signInWith(manager.username(), code.toUpperCase());
		assertThat(location(used)).as("case, spaces and dashes do not matter").endsWith("/ebox");
		var session = new WebSession(port);
		password(session, manager.username());
		session.get("/second-factor");
		var again = session.postForm("/second-factor", "code=" + WebSession.encode(code));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("This code is not valid");
		assertThat(location(session.get("/ebox"))).endsWith("/second-factor");
		assertThat(actions(manager.username())).contains("SECOND_FACTOR_RECOVERY_CODE_USED");
	}

	@Test
	void wrongCodesLockTheAccountOutLikeWrongPasswords() {
		var manager = people.notSignedIn(enterprise, Role.MAIN_ACCESS_MANAGER);
		String code = TestSecondFactor.answer(jdbc, manager.account().value());
		var web = manager.web();
		password(web, manager.username());
		web.get("/second-factor");
		// the throttle counts per account name: a fresh name each test, so five failures lock it
		for (int i = 0; i < 5; i++) {
			assertThat(web.postForm("/second-factor", "code=" + wrongCode(TestSecondFactor.SECRET)).statusCode()).isEqualTo(200);
		}
		var locked = web.postForm("/second-factor", "code=" + WebSession.encode(code));
		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After")).isPresent();
		assertThat(location(web.get("/ebox"))).endsWith("/second-factor");
		// a new sign-in does not reset the count: the password is refused too while locked
		var other = new WebSession(port);
		other.get("/login");
		assertThat(location(other.postForm("/login", "username=" + manager.username() + "&password="
				+ WebSession.encode(People.PASSWORD)))).contains("error");
	}

	@Test
	void aUserGoesStraightInUntilAppointedAccessManager() {
		var user = people.with(enterprise, Role.USER);
		assertThat(user.web().get("/ebox").statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_totp WHERE account_id = ?").param(user.account().value())
			.query(Integer.class).single()).as("no factor needed, none made").isZero();

		// appointed while signed in: the next request asks for a factor
		jdbc.sql("UPDATE access_role SET role = 'ACCESS_MANAGER' WHERE account_id = ?").param(user.account().value()).update();
		assertThat(location(user.web().get("/ebox"))).endsWith("/second-factor/enrol");
	}

	@Test
	void aUserMayEnrolAndIsThenAskedAtEverySignIn() {
		var user = people.with(enterprise, Role.USER);
		var web = user.web();
		String secret = group(SECRET, web.get("/second-factor/enrol?lang=en").body()).replace(" ", "");
		awaitStepStart();
		assertThat(location(web.postForm("/second-factor/enrol", "code=" + TestSecondFactor.code(secret, clock))))
			.endsWith("/second-factor/recovery-codes");
		assertThat(web.get("/ebox").statusCode()).as("no second question in the same session").isEqualTo(200);
		assertThat(location(web.get("/second-factor/enrol"))).as("one app per person").endsWith("/account/second-factor");

		var next = new WebSession(port);
		assertThat(location(password(next, user.username()))).endsWith("/second-factor");
		next.signIn(user.username(), People.PASSWORD, jdbc);
		assertThat(next.get("/account/second-factor").statusCode()).isEqualTo(200);
		next.postForm("/account/second-factor/totp/remove", "");
		assertThat(actions(user.username())).contains("SECOND_FACTOR_TOTP_ENROLLED", "SECOND_FACTOR_TOTP_REMOVED");
		assertThat(location(password(new WebSession(port), user.username()))).as("optional again").endsWith("/ebox");
	}

	@Test
	void aPersonWhoOwesTheFactorCannotAddAPasskeyToSkipIt() {
		var manager = people.notSignedIn(enterprise, Role.MAIN_ACCESS_MANAGER);
		TestSecondFactor.enrol(jdbc, manager.account().value());
		var web = manager.web();
		password(web, manager.username());
		web.get("/second-factor");
		var register = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/webauthn/register"))
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", web.csrf())
			.POST(HttpRequest.BodyPublishers.ofString("{\"publicKey\":{\"label\":\"x\",\"credential\":{}}}"))
			.build());
		assertThat(location(register)).endsWith("/second-factor");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM user_entities WHERE name = ?").param(manager.username())
			.query(Integer.class).single()).isZero();
	}

	private HttpResponse<String> password(WebSession web, String username) {
		web.get("/login");
		var response = web.postForm("/login", "username=" + username + "&password=" + WebSession.encode(People.PASSWORD));
		assertThat(response.statusCode()).isEqualTo(302);
		return response;
	}

	/** Password, then the code on /second-factor: the answer to the code. */
	private HttpResponse<String> signInWith(String username, String code) {
		var web = new WebSession(port);
		assertThat(location(password(web, username))).endsWith("/second-factor");
		web.get("/second-factor?lang=en");
		return web.postForm("/second-factor", "code=" + WebSession.encode(code));
	}

	private List<String> actions(String username) {
		return jdbc.sql("SELECT action FROM audit_record WHERE actor = ? ORDER BY seq").param(username).query(String.class).list();
	}

	private long step() {
		return Math.floorDiv(clock.millis() / 1000, 30);
	}

	/** Codes are computed, then checked a few milliseconds later: not across the end of a 30-second step. */
	private void awaitStepStart() {
		long intoStep = clock.millis() % 30_000;
		if (intoStep > 15_000) {
			try {
				Thread.sleep(30_000 - intoStep + 100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Six digits that are none of the codes the window accepts now. */
	private String wrongCode(String secret) {
		long now = step();
		for (int candidate = 0; ; candidate++) {
			String code = String.format("%06d", candidate);
			boolean valid = false;
			for (long s = now - 2; s <= now + 2; s++) {
				valid |= TestSecondFactor.code(secret, s).equals(code);
			}
			if (!valid) {
				return code;
			}
		}
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("a redirect").isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow();
	}

	private static String group(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as(pattern.pattern()).isTrue();
		return matcher.group(1);
	}

	private static List<String> all(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		List<String> found = new ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}
}
