package be.ebox;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;

import be.ebox.testsupport.TestSecondFactor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser-like HTTP session against the running test server (cookies, CSRF token from the last page). */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private String csrf;

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Creates an active operator account with a fresh username and signs in with it. */
	public static WebSession operator(int port, JdbcClient jdbc, PasswordEncoder encoder) {
		return person(port, jdbc, encoder, true);
	}

	/** Creates an active account without the operator flag and signs in with it. */
	public static WebSession person(int port, JdbcClient jdbc, PasswordEncoder encoder, boolean operator) {
		String username = (operator ? "op-" : "person-") + UUID.randomUUID().toString().substring(0, 8);
		String password = "Correct horse battery staple " + UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO identity_account (id, username, display_name, password_hash, state, operator, language, created_at)
				VALUES (?, ?, ?, ?, 'ACTIVE', ?, 'en', ?)""")
			.params(UUID.randomUUID(), username, "Test " + username, encoder.encode(password), operator,
					OffsetDateTime.now())
			.update();
		var session = new WebSession(port);
		session.signIn(username, password, jdbc);
		return session;
	}

	/**
	 * Signs in with the login form and, when e-Box asks for it (access managers, accounts with a factor), the second
	 * step, answered by {@link TestSecondFactor}; asserts that the sign-in succeeded and answers the last redirect.
	 */
	public HttpResponse<String> signIn(String username, String password, JdbcClient jdbc) {
		get("/login");
		var response = postForm("/login", "username=" + encode(username) + "&password=" + encode(password));
		assertThat(response.statusCode()).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElse("");
		assertThat(location).doesNotContain("error");
		if (TestSecondFactor.isSecondStep(location)) {
			response = secondStep(username, jdbc);
		}
		return response;
	}

	/** Answers the second step of signing in for the account, which must be on it now. */
	public HttpResponse<String> secondStep(String username, JdbcClient jdbc) {
		String code = TestSecondFactor.answer(jdbc, TestSecondFactor.account(jdbc, username));
		get(TestSecondFactor.PAGE);
		var response = postForm(TestSecondFactor.PAGE, "code=" + encode(code));
		assertThat(response.statusCode()).as("second step of signing in").isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).get().asString().doesNotContain(TestSecondFactor.PAGE);
		return response;
	}

	public HttpResponse<String> get(String path, String... headers) {
		var builder = HttpRequest.newBuilder(URI.create(base + path)).GET();
		if (headers.length > 0) {
			builder.headers(headers);
		}
		var response = send(builder.build());
		var matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			csrf = matcher.group(1);
		}
		return response;
	}

	/** Posts a form with the CSRF token of the last page fetched. */
	public HttpResponse<String> postForm(String path, String form) {
		String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + encode(csrf);
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String base() {
		return base;
	}

	public String csrf() {
		return csrf;
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
