package be.ebox.messages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.ebox.access.Reader;
import be.ebox.contract.MessageRegistryContract;
import be.ebox.messages.Multipart.Part;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.IssuedClient;
import be.ebox.senders.MachineClaims;
import be.ebox.senders.MachineClients;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.Scopes;
import be.ebox.testsupport.TestEnterprises;
import be.ebox.testsupport.TestMessages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attacker's view: enterprise A's software tries to reach enterprise B's messages by guessing ids, with filters,
 * search and attachment links; a revoked client tries again; a reader without the protected right looks for protected
 * messages. Whatever may not be read does not exist: 404, never 403, never counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsultationIsolationTest {

	static final String SECRET = "demo-secret-for-tests";

	static final String MESSAGES = MessageRegistryContract.MOUNT + "/ebox/messages";

	@LocalServerPort
	int port;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	MachineClients clients;

	@Autowired
	Messages messages;

	@Autowired
	MessageActions actions;

	@Autowired
	JdbcClient jdbc;

	/** The embedded authorization server's signer: a token with our own signature, but expired. */
	@Autowired
	JwtEncoder ownKey;

	final MessageRegistryContract contract = MessageRegistryContract.validator();

	MachineHttp http;

	TestMessages test;

	EnterpriseNumber a;

	EnterpriseNumber b;

	IssuedClient clientOfA;

	String tokenOfA;

	@BeforeEach
	void twoEnterprises() throws Exception {
		demo.install(SECRET);
		http = new MachineHttp(port);
		test = new TestMessages(jdbc);
		var enterprises = new TestEnterprises(jdbc);
		a = enterprises.legalPerson("Alpha SA", "Alpha NV");
		b = enterprises.legalPerson("Beta SA", "Beta NV");
		clientOfA = clients.createForEnterprise(a, "test");
		tokenOfA = http.token(clientOfA.clientId(), clientOfA.secret(), Scopes.DOCUMENT_CONSUMER);
	}

	@Test
	void enterpriseAReachesNothingOfBByIdGuessing() throws Exception {
		String senderToken = http.token(DemoReferenceData.CLIENT_ID, SECRET, Scopes.PUBLICATION_SENDER);
		Map<String, Object> message = http.message(b, DemoReferenceData.UNPROTECTED_TYPE);
		message.put("attachments", List.of(Map.of("httpPartName", "upfile1", "mainContent", true)));
		var published = http.multipart(MessageRegistryContract.MOUNT + "/publishMessage", senderToken,
				Part.json(http.write(message)), Part.file("upfile1", "secret.pdf", "application/pdf", PublicationTest.PDF));
		assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
		String theirs = http.body(published).get("messageId").asString();

		for (String path : List.of("", "/attachments", "/attachments/1", "/attachments/1/content", "/body",
				"/paymentData")) {
			var response = http.get(MESSAGES + "/" + theirs + path, tokenOfA);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).doesNotContain("secret.pdf", "Sujet");
		}
		var hide = http.send("PATCH", MESSAGES, tokenOfA, "application/merge-patch+json",
				http.write(Map.of("items", List.of(Map.of("messageId", theirs, "visible", false)))));
		assertThat(hide.statusCode()).isEqualTo(404);
		for (String guess : List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "../" + theirs)) {
			int status = http.get(MESSAGES + "/" + URLEncoder.encode(guess, StandardCharsets.UTF_8), tokenOfA).statusCode();
			assertThat(status).as(guess).isIn(400, 404);
		}
		assertThat(jdbc.sql("SELECT first_read_at IS NULL AND hidden = FALSE FROM message WHERE id = ?")
			.param(java.util.UUID.fromString(theirs)).query(Boolean.class).single()).as("B's message untouched").isTrue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM message_evidence WHERE message_id = ?")
			.param(java.util.UUID.fromString(theirs)).query(Long.class).single()).isZero();
	}

	@Test
	void filtersAndSearchNeverListAnotherEbox() throws Exception {
		MessageId ours = test.to(a).content("fr", "Élections sociales", "Convocation").insert();
		test.to(b).content("fr", "Élections sociales", "Convocation").sender("0308357159", "other.app.be").insert();
		test.to(b).type("OnlyInB", false).insert();

		for (String query : List.of("", "q=elections&qlang=fr", "senderOrganizationId=0308357159",
				"senderApplicationId=other.app.be", "messageTypeId=OnlyInB", "readStatus=false", "visible=true",
				"pageSize=100")) {
			var response = http.get(MESSAGES + "?" + query, tokenOfA);
			assertThat(response.statusCode()).isEqualTo(200);
			var body = http.body(response);
			var ids = new java.util.ArrayList<String>();
			body.get("items").forEach(item -> ids.add(item.get("messageId").asString()));
			assertThat(ids).as(query).isSubsetOf(ours.toString());
			assertThat(body.get("totalItems").asInt()).as(query).isEqualTo(ids.size());
		}
		var summary = http.body(http.get(MessageRegistryContract.MOUNT + "/ebox", tokenOfA));
		assertThat(summary.get("numberOfMessages").asInt()).isEqualTo(1);
	}

	@Test
	void aRevokedClientIsRefused() throws Exception {
		test.to(a).insert();
		assertThat(http.get(MESSAGES, tokenOfA).statusCode()).isEqualTo(200);
		clients.revoke(clientOfA.clientId(), "test");
		var refused = http.get(MESSAGES, tokenOfA);
		assertThat(refused.statusCode()).isEqualTo(401);
		contract.assertValidResponse("GET", MESSAGES, 401, "application/json", refused.body());
		assertThat(http.tokenResponse(clientOfA.clientId(), clientOfA.secret(), Scopes.DOCUMENT_CONSUMER).statusCode())
			.isEqualTo(401);
	}

	/**
	 * The API remembers tokens it verified (VerifiedTokens): a token that worked, then a copy with another signature
	 * or other claims, and a token correctly signed by our own key but expired, are all refused.
	 */
	@Test
	void tamperedAndExpiredTokensAreRefusedAlsoAfterAGoodOneWasRemembered() throws Exception {
		test.to(a).insert();
		test.to(b).insert();
		assertThat(http.get(MESSAGES, tokenOfA).statusCode()).isEqualTo(200);
		String[] parts = tokenOfA.split("\\.");
		int at = parts[2].length() / 2;
		String otherSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, at)
				+ (parts[2].charAt(at) == 'A' ? 'B' : 'A') + parts[2].substring(at + 1);
		var decoder = java.util.Base64.getUrlDecoder();
		var encoder = java.util.Base64.getUrlEncoder().withoutPadding();
		String claimsOfB = encoder.encodeToString(new String(decoder.decode(parts[1]), StandardCharsets.UTF_8)
			.replace(a.digits(), b.digits()).getBytes(StandardCharsets.UTF_8));
		String otherClaims = parts[0] + "." + claimsOfB + "." + parts[2];
		String unsigned = encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ claimsOfB + ".";
		Instant now = Instant.now();
		String expired = ownKey.encode(JwtEncoderParameters.from(JwtClaimsSet.builder()
			.subject(clientOfA.clientId())
			.claim("client_id", clientOfA.clientId())
			.claim(MachineClaims.ENTERPRISE_NUMBER, a.digits())
			.claim("scope", List.of(Scopes.DOCUMENT_CONSUMER))
			.issuedAt(now.minusSeconds(900))
			.expiresAt(now.minusSeconds(300))
			.build())).getTokenValue();
		for (String bad : List.of(otherSignature, otherClaims, unsigned, expired)) {
			var refused = http.get(MESSAGES, bad);
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.body()).doesNotContain("messageId");
		}
		assertThat(http.get(MESSAGES, tokenOfA).statusCode()).as("the good token still works").isEqualTo(200);
	}

	@Test
	void aReaderWithoutTheProtectedRightNeitherSeesCountsFindsNorDownloads() throws Exception {
		String senderToken = http.token(DemoReferenceData.CLIENT_ID, SECRET, Scopes.PUBLICATION_SENDER);
		Map<String, Object> message = http.message(a, DemoReferenceData.PROTECTED_TYPE);
		message.put("subject", Map.of("fr", "Élections confidentielles"));
		message.put("attachments", List.of(Map.of("httpPartName", "upfile1", "mainContent", true)));
		var published = http.multipart(MessageRegistryContract.MOUNT + "/publishMessage", senderToken,
				Part.json(http.write(message)), Part.file("upfile1", "pv.pdf", "application/pdf", PublicationTest.PDF));
		assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
		MessageId secret = MessageId.parse(http.body(published).get("messageId").asString()).orElseThrow();
		MessageId open = test.to(a).content("fr", "Élections ouvertes", "Brochure").insert();

		Reader restricted = new Reader(a, Reader.Kind.SOFTWARE, "restricted-client", a, true, false, Set.of());
		assertThat(messages.search(restricted, MessageFilter.all(), 1, 100).items()).extracting(ReadableMessage::id)
			.containsExactly(open);
		assertThat(messages.count(restricted, MessageFilter.all())).isEqualTo(1);
		assertThat(messages.count(restricted, MessageFilter.where().containing("elections", "fr").build())).isEqualTo(1);
		assertThat(messages.count(restricted,
				MessageFilter.where().messageType(new MessageTypeId(DemoReferenceData.PROTECTED_TYPE)).build())).isZero();
		assertThat(messages.findFor(restricted, secret)).isEmpty();
		assertThat(actions.downloadAttachment(restricted, secret, 1)).isFalse();
		assertThat(actions.openMainContent(restricted, secret)).isFalse();
		assertThat(actions.hide(restricted, secret)).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM message_evidence WHERE message_id = ?").param(secret.value())
			.query(Long.class).single()).isZero();

		Reader granted = new Reader(a, Reader.Kind.SOFTWARE, "granted-client", a, true, false,
				Set.of(new MessageTypeId(DemoReferenceData.PROTECTED_TYPE)));
		assertThat(messages.count(granted, MessageFilter.all())).isEqualTo(2);

		// the enterprise's own software reads what its access managers read, protected types included
		assertThat(http.get(MESSAGES + "/" + secret, tokenOfA).statusCode()).isEqualTo(200);
		assertThat(http.getBytes(MESSAGES + "/" + secret + "/attachments/1/content", tokenOfA).statusCode())
			.isEqualTo(200);
	}
}
