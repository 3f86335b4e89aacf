package be.ebox.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import be.ebox.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.servlet.multipart.max-file-size=64KB", "spring.servlet.multipart.max-request-size=128KB" })
class ErrorHandlingTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	WebSession operator;

	@BeforeEach
	void signIn() {
		operator = WebSession.operator(port, jdbc, encoder);
	}

	@Test
	void aMalformedParameterOnAPageGivesATranslated400Page() {
		var page = operator.get("/operator/audit?lang=de&page=abc");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("lang=\"de\"").contains("Die Anfrage ist ungültig")
			.contains("href=\"/operator/audit?lang=fr\"");
		assertNoInternals(page);
	}

	@Test
	void anUnknownPageIsA404WhenSignedInAndASignInWhenAnonymous() {
		var page = operator.get("/no/such/page?lang=fr");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("La page demandée n&#39;existe pas");
		assertNoInternals(page);

		var anonymous = new WebSession(port).get("/no/such/page");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location")).get().asString().endsWith("/login");
	}

	@Test
	void aWrongMethodIsA405Page() {
		var page = operator.get("/operator/audit/verify?lang=en");
		assertThat(page.statusCode()).isEqualTo(405);
		assertThat(page.body()).contains("This page cannot be used this way");
		assertThat(page.headers().firstValue("Allow")).get().asString().contains("POST");
		assertNoInternals(page);
	}

	@Test
	void anUploadTooLargeIsA413PageWhetherTheCsrfTokenIsInTheBodyOrInAHeader() {
		operator.get("/operator/audit?lang=en");
		// the whole request exceeds max-request-size
		var tooLarge = operator.send(multipart("/operator/audit/verify", 200 * 1024, true));
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(tooLarge.body()).contains("The file you sent is too large");
		assertNoInternals(tooLarge);
		// one file exceeds max-file-size
		var fileTooLarge = operator.send(multipart("/operator/audit/verify", 100 * 1024, true));
		assertThat(fileTooLarge.statusCode()).isEqualTo(413);
		// the token in a header passes Spring Security; Spring MVC then refuses the upload
		var headerToken = operator.send(multipart("/operator/audit/verify", 200 * 1024, false));
		assertThat(headerToken.statusCode()).isEqualTo(413);
		assertThat(headerToken.body()).contains("The file you sent is too large");
	}

	@Test
	void aJsonClientGetsProblemJson() {
		// /api/** and /REST/** belong to the machine chain: without a bearer token nothing there is even looked up
		var anonymousApi = operator.get("/api/no-such-resource", "Accept", "application/json");
		assertThat(anonymousApi.statusCode()).isEqualTo(401);
		assertThat(anonymousApi.body()).doesNotContain("Exception");

		var unknown = operator.get("/no-such-resource", "Accept", "application/json");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
		assertThat(unknown.body()).contains("\"status\":404").contains("\"title\":\"Not Found\"")
			.contains("\"detail\":\"Nothing exists at this address.\"").doesNotContain("static resource");

		var malformed = operator.get("/operator/audit?page=abc", "Accept", "application/json");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
		assertThat(malformed.body()).contains("\"status\":400").contains("\"title\":\"Bad Request\"").contains("\"detail\"");

		var tooLarge = operator.send(multipart("/operator/audit/verify", 200 * 1024, false, "application/json"));
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(tooLarge.body()).contains("\"status\":413");
	}

	@Test
	void aFailureIsA500WithoutAnyInternalsOnPagesAndInApis() {
		var page = operator.get("/test/failure?lang=nl");
		assertThat(page.statusCode()).isEqualTo(500);
		assertThat(page.body()).contains("Het verzoek kon niet worden verwerkt");
		assertNoInternals(page);

		var api = operator.get("/test/failure", "Accept", "application/json");
		assertThat(api.statusCode()).isEqualTo(500);
		assertThat(api.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
		assertThat(api.body()).contains("\"status\":500").contains("\"title\":\"Internal Server Error\"");
		assertNoInternals(api);
	}

	private static void assertNoInternals(HttpResponse<String> response) {
		assertThat(response.body()).doesNotContain(Failing.SECRET).doesNotContain("Exception").doesNotContain("at be.ebox")
			.doesNotContain("java.").doesNotContain("trace");
	}

	/** A multipart POST with one file of the given size; the CSRF token in the body or in the X-CSRF-TOKEN header. */
	private HttpRequest multipart(String path, int fileSize, boolean tokenInBody) {
		return multipart(path, fileSize, tokenInBody, "text/html");
	}

	private HttpRequest multipart(String path, int fileSize, boolean tokenInBody, String accept) {
		String boundary = "----ebox-test-boundary";
		var body = new StringBuilder();
		if (tokenInBody) {
			body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
				.append(operator.csrf()).append("\r\n");
		}
		body.append("--").append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n");
		char[] content = new char[fileSize];
		Arrays.fill(content, 'x');
		body.append(content).append("\r\n--").append(boundary).append("--\r\n");
		var request = HttpRequest.newBuilder(URI.create(operator.base() + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
		if (!tokenInBody) {
			request.header("X-CSRF-TOKEN", operator.csrf());
		}
		return request.build();
	}

	@TestConfiguration
	static class FailingConfig {

		@Bean
		Failing failing() {
			return new Failing();
		}
	}

	/** Endpoints that fail with an exception carrying a secret, as a bug would. */
	@Controller
	static class Failing {

		static final String SECRET = "secret-internal-detail";

		@GetMapping("/test/failure")
		String fail() {
			throw new IllegalStateException(SECRET);
		}
	}
}
