package be.ebox.senders.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.Scopes;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Key rotation: with several active keys the newest signs, and every active key validates. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SigningKeysTest {

	@LocalServerPort
	int port;

	@Autowired
	SigningKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoReferenceData demo;

	@Test
	void aNewKeySignsAndTheOldOneStillValidates() throws Exception {
		demo.install("rotation-secret");
		String before = token();
		keys.insertNewKey();
		keys.reload();
		String newest = jdbc.sql("SELECT key_id FROM oauth_signing_key WHERE active = TRUE ORDER BY created_at DESC, key_id")
			.query(String.class).list().get(0);
		String after = token();
		assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newest);
		assertThat(SignedJWT.parse(before).getHeader().getKeyID()).isNotEqualTo(newest);
		assertThat(call(before)).isEqualTo(200);
		assertThat(call(after)).isEqualTo(200);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM oauth_signing_key WHERE active = TRUE").query(Integer.class).single())
			.isGreaterThanOrEqualTo(2);
	}

	private int call(String token) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
					+ "/REST/ebox/enterprise/messageRegistry/v2/referenceData/senderOrganizations"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private String token() throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString((DemoReferenceData.CLIENT_ID + ":rotation-secret").getBytes(StandardCharsets.UTF_8));
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(
						"grant_type=client_credentials&scope=" + URLEncoder.encode(Scopes.REFERENCE_DATA, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
	}
}
