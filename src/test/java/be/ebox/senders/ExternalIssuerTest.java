package be.ebox.senders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With EBOX_OAUTH_ISSUER_URI the embedded authorization server is off and tokens are checked against the external
 * issuer. The issuer here does not exist (nothing listens on port 9): the application must start anyway, since the
 * issuer's metadata is only fetched when the first token arrives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "ebox.oauth.issuer-uri=http://127.0.0.1:9/realms/ebox")
class ExternalIssuerTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void startsWithoutTheEmbeddedServerAndWithoutCallingTheIssuer() throws Exception {
		assertThat(context.containsBean("authorizationServer")).isFalse();
		assertThat(context.containsBean("machineTokenClaims")).isFalse();
		// the decoder exists (behind the memory of verified tokens) without having asked the issuer anything: the
		// context started while nothing answers on port 9
		assertThat(context.getBean(JwtDecoder.class)).isNotNull();

		var http = HttpClient.newHttpClient();
		var api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/REST/ebox/enterprise/messageRegistry/v2/referenceData/messageTypes")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.body()).contains("\"code\":\"UNAUTHORIZED\"");

		var token = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(token.statusCode()).isNotEqualTo(200);
		assertThat(token.body()).doesNotContain("access_token");
	}
}
