package be.ebox.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import be.ebox.identity.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions over real HTTP: stored in the database, a new id at sign-in, CSRF, sign-out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionSecurityTest {

	static final String SESSION_COOKIE = "SESSION";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signingInChangesTheSessionIdAndStoresTheSessionInTheDatabase() throws Exception {
		String user = IdentityTestData.username();
		IdentityTestData.activeAccount(accounts, user, "nl");
		var browser = new Browser(port);
		String token = Browser.csrfToken(browser.get("/login").body());
		String before = browser.cookie(SESSION_COOKIE).orElseThrow();
		assertThat(rowsOf(before)).as("the anonymous session (holding the CSRF token) is in the database").isOne();

		var response = browser.post("/login", Browser.form("username", user, "password", IdentityTestData.PASSWORD, "_csrf", token));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/ebox");
		String after = browser.cookie(SESSION_COOKIE).orElseThrow();
		assertThat(after).isNotEqualTo(before);
		assertThat(rowsOf(before)).as("the old id is gone").isZero();
		assertThat(jdbc.sql("SELECT principal_name FROM spring_session WHERE session_id = ?").param(sessionId(after))
			.query(String.class).single()).isEqualTo(user);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM spring_session_attributes a JOIN spring_session s ON s.primary_id = a.session_primary_id
				WHERE s.session_id = ? AND a.attribute_name = 'SPRING_SECURITY_CONTEXT'""")
			.param(sessionId(after)).query(Integer.class).single()).isOne();

		assertThat(browser.get("/ebox").statusCode()).as("signed in: no redirect to the login page").isIn(200, 404); // 200 once enrolment serves /ebox
		var attacker = new Browser(port);
		attacker.setCookie(SESSION_COOKIE, before);
		assertThat(attacker.get("/ebox").headers().firstValue("Location")).as("the fixed id grants nothing")
			.get().asString().endsWith("/login");
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		String user = IdentityTestData.username();
		IdentityTestData.activeAccount(accounts, user, "nl");
		var browser = new Browser(port);
		browser.signIn(user, IdentityTestData.PASSWORD);
		String session = browser.cookie(SESSION_COOKIE).orElseThrow();

		var response = browser.signOut();

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/?signedOut");
		assertThat(rowsOf(session)).isZero();
		assertThat(browser.get("/ebox").headers().firstValue("Location")).get().asString().endsWith("/login");
		var reused = new Browser(port);
		reused.setCookie(SESSION_COOKIE, session);
		assertThat(reused.get("/ebox").headers().firstValue("Location")).get().asString().endsWith("/login");
	}

	@Test
	void aPostWithoutCsrfTokenIsRefusedAndChangesNothing() throws Exception {
		String user = IdentityTestData.username();
		IdentityTestData.activeAccount(accounts, user, "nl");
		var browser = new Browser(port);
		browser.get("/login");

		var signIn = browser.post("/login", Browser.form("username", user, "password", IdentityTestData.PASSWORD));
		assertThat(signIn.statusCode()).isEqualTo(403);
		assertThat(browser.get("/ebox").statusCode()).as("not signed in").isEqualTo(302);

		browser.signIn(user, IdentityTestData.PASSWORD);
		String session = browser.cookie(SESSION_COOKIE).orElseThrow();
		var signOut = browser.post("/logout", Browser.form());
		assertThat(signOut.statusCode()).isEqualTo(403);
		var forged = browser.post("/logout", Browser.form("_csrf", "forged-token"));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(rowsOf(session)).as("still signed in").isOne();
		assertThat(browser.get("/ebox").statusCode()).as("still signed in").isIn(200, 404); // 200 once enrolment serves /ebox
	}

	@Test
	void aSessionInUseIsRewrittenOnlyWhenItsLastAccessLagsAndStaysSignedIn() throws Exception {
		String user = IdentityTestData.username();
		IdentityTestData.activeAccount(accounts, user, "nl");
		var browser = new Browser(port);
		browser.signIn(user, IdentityTestData.PASSWORD);
		String id = sessionId(browser.cookie(SESSION_COOKIE).orElseThrow());
		long signedInAt = lastAccessOf(id);

		assertThat(browser.get("/ebox").statusCode()).isIn(200, 404);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		assertThat(lastAccessOf(id)).as("requests within a tenth of the timeout do not write the session").isEqualTo(signedInAt);

		// as if the last write were two minutes old (the timeout is 30 minutes: more than the tenth, capped at 1 min)
		long twoMinutes = 120_000;
		jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - ?, expiry_time = expiry_time - ? WHERE session_id = ?")
			.params(twoMinutes, twoMinutes, id)
			.update();
		assertThat(browser.get("/ebox").statusCode()).as("still signed in").isIn(200, 404);
		assertThat(lastAccessOf(id)).as("a lagging last access is written").isGreaterThan(signedInAt - twoMinutes);
		assertThat(jdbc.sql("SELECT expiry_time - last_access_time FROM spring_session WHERE session_id = ?").param(id)
			.query(Long.class).single()).as("the expiry moves with it").isEqualTo(30 * 60_000L);
	}

	private long lastAccessOf(String id) {
		return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?").param(id).query(Long.class).single();
	}

	private int rowsOf(String cookie) {
		return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = ?").param(sessionId(cookie))
			.query(Integer.class).single();
	}

	/** Spring Session's cookie carries the session id in Base64. */
	private static String sessionId(String cookie) {
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}
}
