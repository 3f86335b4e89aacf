package be.ebox;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EboxApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void migratesTheDatabaseAndServesTheHomePageWithSecurityHeaders() throws Exception {
		assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE").query(Integer.class).single())
			.isGreaterThanOrEqualTo(5);
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/?lang=fr")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("lang=\"fr\"").contains("Enregistrer votre entreprise");
		assertThat(response.headers().firstValue("Content-Security-Policy")).get()
			.asString().contains("default-src 'self'").doesNotContain("unsafe-inline");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(response.headers().firstValue("Set-Cookie")).get().asString().contains("ebox-lang=fr");
	}

	@Test
	void unknownPagesNeedSignInAndOperatorPagesNeedTheOperator() throws Exception {
		var client = HttpClient.newHttpClient();
		var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/operator")).build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
	}
}
