package be.ebox.senders;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import be.ebox.contract.MessageRegistryContract;
import be.ebox.registry.EnterpriseNumber;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Machines: client credentials at /oauth2/token, bearer tokens on the contract's reference-data endpoints. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MachineAccessTest {

	static final String SECRET = "demo-secret-for-tests";

	@LocalServerPort
	int port;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	MachineClients clients;

	@Autowired
	be.ebox.documents.BlobStore blobs;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	final MessageRegistryContract contract = MessageRegistryContract.validator();

	@BeforeEach
	void demoData() {
		demo.install(SECRET);
	}

	@Test
	void theRightSecretGetsAShortLivedJwtWithScopesAndTheSenderClaims() throws Exception {
		var response = token(DemoReferenceData.CLIENT_ID, SECRET, Scopes.PUBLICATION_SENDER + " " + Scopes.REFERENCE_DATA);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isBetween(250L, 300L);
		var jwt = SignedJWT.parse(body.get("access_token").asString());
		var claims = jwt.getJWTClaimsSet();
		assertThat(claims.getStringListClaim("scope")).contains(Scopes.PUBLICATION_SENDER, Scopes.REFERENCE_DATA);
		assertThat(claims.getStringClaim(MachineClaims.SENDER_APPLICATION)).isEqualTo(DemoReferenceData.APPLICATION);
		assertThat(claims.getStringClaim(MachineClaims.SENDER_ORGANIZATION)).isEqualTo(DemoReferenceData.ORGANISATION);
		assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(300_000L);
		assertThat(MachineClaims.of(claims.getClaims()).application()).contains(new SenderApplicationId(DemoReferenceData.APPLICATION));
	}

	@Test
	void publishesMetadataAndOnlyThePublicHalfOfTheSigningKeys() throws Exception {
		var metadata = get("/.well-known/oauth-authorization-server", null);
		assertThat(metadata.statusCode()).isEqualTo(200);
		assertThat(json.readTree(metadata.body()).get("token_endpoint").asString()).endsWith("/oauth2/token");
		var jwks = get("/oauth2/jwks", null);
		assertThat(jwks.statusCode()).isEqualTo(200);
		JsonNode key = json.readTree(jwks.body()).get("keys").get(0);
		assertThat(key.get("kty").asString()).isEqualTo("RSA");
		assertThat(key.has("n")).isTrue();
		assertThat(key.has("d")).as("private exponent never published").isFalse();
		assertThat(key.has("p")).isFalse();
	}

	@Test
	void aWrongSecretOrAnUnknownClientIsRefused() throws Exception {
		assertThat(token(DemoReferenceData.CLIENT_ID, "not-the-secret", Scopes.REFERENCE_DATA).statusCode()).isEqualTo(401);
		assertThat(token("nobody-" + System.nanoTime(), SECRET, Scopes.REFERENCE_DATA).statusCode()).isEqualTo(401);
	}

	@Test
	void aRevokedClientGetsNoToken() throws Exception {
		IssuedClient issued = clients.createForApplication(new SenderApplicationId(DemoReferenceData.APPLICATION), "test");
		var granted = token(issued.clientId(), issued.secret(), Scopes.REFERENCE_DATA);
		assertThat(granted.statusCode()).isEqualTo(200);
		String earlierToken = json.readTree(granted.body()).get("access_token").asString();
		String path = MessageRegistryContract.MOUNT + "/referenceData/messageTypes";
		assertThat(get(path, earlierToken).statusCode()).isEqualTo(200);
		clients.revoke(issued.clientId(), "test");
		assertThat(get(path, earlierToken).statusCode()).as("a token issued before the revocation").isEqualTo(401);
		assertThat(token(issued.clientId(), issued.secret(), Scopes.REFERENCE_DATA).statusCode()).isEqualTo(401);
		assertThat(clients.find(issued.clientId())).get().extracting(MachineClient::isActive).isEqualTo(false);
	}

	@Test
	void anEnterpriseClientCarriesItsEnterpriseNumber() throws Exception {
		var enterprise = EnterpriseNumber.parse("0200065765");
		IssuedClient issued = clients.createForEnterprise(enterprise, "test");
		var response = token(issued.clientId(), issued.secret(), Scopes.MESSAGES_FULL);
		assertThat(response.statusCode()).isEqualTo(200);
		var claims = SignedJWT.parse(json.readTree(response.body()).get("access_token").asString()).getJWTClaimsSet();
		assertThat(MachineClaims.of(claims.getClaims()).enterprise()).contains(enterprise);
		assertThat(clients.ofEnterprise(enterprise)).extracting(MachineClient::clientId).contains(issued.clientId());
	}

	@Test
	void referenceDataNeedsATokenWithTheReferenceDataScope() throws Exception {
		String path = MessageRegistryContract.MOUNT + "/referenceData/messageTypes";
		var anonymous = get(path, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
		contract.assertValidResponse("GET", path, 401, "application/json", anonymous.body());

		var forged = get(path, "not.a.jwt");
		assertThat(forged.statusCode()).isEqualTo(401);

		String publicationOnly = accessToken(Scopes.PUBLICATION_SENDER);
		var forbidden = get(path, publicationOnly);
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(json.readTree(forbidden.body()).get("code").asString()).isEqualTo("FORBIDDEN");

		var allowed = get(path, accessToken(Scopes.REFERENCE_DATA));
		assertThat(allowed.statusCode()).isEqualTo(200);
	}

	@Test
	void referenceDataAnswersInTheContractShape() throws Exception {
		String token = accessToken(Scopes.REFERENCE_DATA);
		String base = MessageRegistryContract.MOUNT + "/referenceData";
		for (String path : new String[] { base + "/messageTypes?page=1&pageSize=100", base + "/senderApplications",
				base + "/senderOrganizations", base + "/messageTypes/" + DemoReferenceData.PROTECTED_TYPE,
				base + "/senderApplications/" + DemoReferenceData.APPLICATION,
				base + "/senderOrganizations/" + DemoReferenceData.ORGANISATION }) {
			var response = get(path, token);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control")).get().asString().contains("max-age=3600");
			contract.assertValidResponse("GET", path.replaceAll("\\?.*", ""), 200, "application/json", response.body());
		}
		JsonNode type = json.readTree(get(base + "/messageTypes/" + DemoReferenceData.PROTECTED_TYPE, token).body());
		assertThat(type.get("messageTypeName").get("fr").asString()).isEqualTo("Élections sociales");
		assertThat(type.get("validityPeriod").get("validityPeriodUnit").asString()).isEqualTo("year");
		assertThat(type.get("senderApplicationIds").get(0).asString()).isEqualTo(DemoReferenceData.APPLICATION);
		JsonNode organisation = json.readTree(get(base + "/senderOrganizations/" + DemoReferenceData.ORGANISATION, token).body());
		assertThat(organisation.get("organizationShortName").get("de").asString()).isEqualTo("FÖD Beschäftigung");
		assertThat(organisation.get("messageTypeIds").toString()).contains(DemoReferenceData.PROTECTED_TYPE,
				DemoReferenceData.UNPROTECTED_TYPE);
	}

	@Test
	void servesTheOrganisationLogoLinkedFromItsDescription() throws Exception {
		var png = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(3, 3, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
		var blob = blobs.store(new java.io.ByteArrayInputStream(png.toByteArray()));
		jdbc.sql("UPDATE sender_organisation SET logo_sha256 = ?, logo_media_type = ?, logo_size = ? WHERE enterprise_number = ?")
			.params(blob.sha256(), blob.mediaType(), blob.size(), DemoReferenceData.ORGANISATION)
			.update();
		String token = accessToken(Scopes.REFERENCE_DATA);
		String path = MessageRegistryContract.MOUNT + "/referenceData/senderOrganizations/" + DemoReferenceData.ORGANISATION;
		var organisation = get(path, token);
		contract.assertValidResponse("GET", path, 200, "application/json", organisation.body());
		JsonNode logo = json.readTree(organisation.body()).get("organizationLogos").get(0);
		assertThat(logo.get("imageId").asString()).isEqualTo(blob.sha256());
		assertThat(logo.get("mediaType").asString()).isEqualTo("image/png");
		String href = URI.create(logo.get("contentHref").asString()).getPath();
		var content = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + href))
			.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(content.statusCode()).isEqualTo(200);
		assertThat(content.headers().firstValue("Content-Type")).contains("application/octet-stream");
		assertThat(content.body()).isEqualTo(png.toByteArray());
	}

	@Test
	void errorsUseTheContractStatusMessage() throws Exception {
		String token = accessToken(Scopes.REFERENCE_DATA);
		String base = MessageRegistryContract.MOUNT + "/referenceData";
		Map<String, Integer> cases = Map.of(base + "/messageTypes/NoSuchType", 404,
				base + "/senderOrganizations/0308357158", 400, base + "/senderOrganizations/0200065765", 404,
				base + "/senderApplications/no.such.app", 404,
				base + "/senderOrganizations/" + DemoReferenceData.ORGANISATION + "/images/" + "0".repeat(64) + "/content", 404,
				base + "/senderApplications/" + DemoReferenceData.APPLICATION + "/images/logo/content", 404);
		for (var entry : cases.entrySet()) {
			var response = get(entry.getKey(), token);
			assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(entry.getValue());
			String type = response.headers().firstValue("Content-Type").orElseThrow();
			assertThat(type).isEqualTo(entry.getKey().endsWith("/content") ? "application/octet-stream" : "application/json");
			contract.assertValidResponse("GET", entry.getKey(), entry.getValue(), type, response.body());
		}
		var badPage = get(base + "/messageTypes?pageSize=101", token);
		assertThat(badPage.statusCode()).isEqualTo(400);
		contract.assertValidResponse("GET", base + "/messageTypes", 400, "application/json", badPage.body());
		assertThat(json.readTree(badPage.body()).get("message").asString()).contains("pageSize");
	}

	String accessToken(String scope) throws Exception {
		var response = token(DemoReferenceData.CLIENT_ID, SECRET, scope);
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body()).get("access_token").asString();
	}

	HttpResponse<String> token(String clientId, String secret, String scope) throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
					+ URLEncoder.encode(scope, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path, String token) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", path.endsWith("/content") ? "application/octet-stream" : "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
