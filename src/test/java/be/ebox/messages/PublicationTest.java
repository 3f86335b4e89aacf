package be.ebox.messages;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.ebox.contract.MessageRegistryContract;
import be.ebox.documents.Digests;
import be.ebox.messages.Multipart.Part;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.ReferenceData;
import be.ebox.senders.Scopes;
import be.ebox.testsupport.TestEnterprises;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /publishMessage} over HTTP with real tokens, on the context the senders tests use. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicationTest {

	static final String SECRET = "demo-secret-for-tests";

	static final String PATH = MessageRegistryContract.MOUNT + "/publishMessage";

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	ReferenceData referenceData;

	@Autowired
	Messages messages;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	final MessageRegistryContract contract = MessageRegistryContract.validator();

	String token;

	@BeforeEach
	void senderAndToken() throws Exception {
		demo.install(SECRET);
		token = accessToken(Scopes.PUBLICATION_SENDER);
	}

	@Test
	void publishesAMessageWithADocumentInTheContractShape() throws Exception {
		EnterpriseNumber recipient = activeEnterprise();
		Map<String, Object> message = message(recipient, DemoReferenceData.PROTECTED_TYPE);
		message.put("senderApplicationId", DemoReferenceData.APPLICATION);
		message.put("senderOrganizationId", DemoReferenceData.ORGANISATION);
		message.put("bodyContent", Map.of("nl", "Zie bijlage", "fr", "Voir l'annexe"));
		message.put("businessDataList", List.of(Map.of("key", "dossierNumber", "values", List.of(Map.of("nl", "42")))));
		message.put("attachments", List.of(Map.of("httpPartName", "upfile1", "mainContent", true,
				"attachmentTitle", Map.of("fr", "Convocation"),
				"digest", Map.of("digestMethod", "sha_256", "digestValue", Digests.sha256Base64Url(PDF)))));
		var response = publish(token, null, Part.json(json.writeValueAsString(message)),
				Part.file("upfile1", "convocation.pdf", "application/pdf", PDF));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		contract.assertValidResponse("POST", PATH, 201, "application/json", response.body());
		JsonNode body = json.readTree(response.body());
		assertThat(body.has("code")).as("an active e-Box: nothing to report").isFalse();
		Message stored = messages.find(MessageId.parse(body.get("messageId").asString()).orElseThrow()).orElseThrow();
		assertThat(stored.recipient()).isEqualTo(recipient);
		assertThat(stored.senderApplication().value()).isEqualTo(DemoReferenceData.APPLICATION);
		assertThat(stored.isProtected()).isTrue();
		assertThat(stored.contents().get("fr").subject()).isEqualTo("Sujet");
		assertThat(stored.contents().get("nl").body()).isEqualTo("Zie bijlage");
		assertThat(stored.attachments()).singleElement().satisfies(a -> {
			assertThat(a.fileName()).isEqualTo("convocation.pdf");
			assertThat(a.mediaType()).isEqualTo("application/pdf");
			assertThat(a.size()).isEqualTo(PDF.length);
			assertThat(a.sha256()).isEqualTo(Digests.sha256Hex(PDF));
			assertThat(a.mainContent()).isTrue();
			assertThat(a.titles()).containsEntry("fr", "Convocation");
		});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'MESSAGE_PUBLISHED' AND details LIKE ?")
			.param("%" + stored.id() + "%").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void expiryIsThePublicationPlusTheTypesValidity() throws Exception {
		var response = publish(token, null, Part.json(json.writeValueAsString(message(activeEnterprise(),
				DemoReferenceData.UNPROTECTED_TYPE))));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode body = json.readTree(response.body());
		Message stored = messages.find(MessageId.parse(body.get("messageId").asString()).orElseThrow()).orElseThrow();
		Instant expected = referenceData.findMessageType(new MessageTypeId(DemoReferenceData.UNPROTECTED_TYPE))
			.orElseThrow().validity().expiryFrom(stored.publishedAt(), ZoneId.of("Europe/Brussels"));
		assertThat(stored.expiresAt()).isEqualTo(expected);
		assertThat(OffsetDateTime.parse(body.get("expirationDate").asString()).toInstant())
			.isEqualTo(expected.truncatedTo(ChronoUnit.SECONDS));
		assertThat(stored.expiresAt()).isBetween(stored.publishedAt().plus(180, ChronoUnit.DAYS),
				stored.publishedAt().plus(185, ChronoUnit.DAYS));
	}

	@Test
	void partsMayComeInAnyOrder() throws Exception {
		byte[] text = "Bonjour".getBytes(StandardCharsets.UTF_8);
		for (List<Integer> order : List.of(List.of(0, 1, 2), List.of(1, 2, 0), List.of(1, 0, 2), List.of(2, 0, 1))) {
			Map<String, Object> message = message(activeEnterprise(), DemoReferenceData.UNPROTECTED_TYPE);
			message.put("attachments", List.of(Map.of("httpPartName", "upfile2", "mainContent", true),
					Map.of("httpPartName", "upfile5", "mainContent", false)));
			Part[] all = { Part.json(json.writeValueAsString(message)),
					Part.file("upfile2", "brief.pdf", "application/pdf", PDF),
					Part.file("upfile5", "notes.txt", "text/plain", text) };
			var response = publish(token, null, order.stream().map(i -> all[i]).toArray(Part[]::new));
			assertThat(response.statusCode()).as(order + " " + response.body()).isEqualTo(201);
			Message stored = messages.find(MessageId.parse(json.readTree(response.body()).get("messageId").asString())
				.orElseThrow()).orElseThrow();
			assertThat(stored.attachments()).extracting(Message.Attachment::fileName).containsExactly("brief.pdf", "notes.txt");
			assertThat(stored.attachments()).extracting(Message.Attachment::mediaType)
				.containsExactly("application/pdf", "text/plain");
		}
	}

	@Test
	void aSenderPublishesOnlyAsItself() throws Exception {
		var other = TestEnterprises.freshNumber();
		String otherApplication = "other.app." + other.digits();
		String otherType = "OtherType" + other.digits();
		jdbc.sql("""
				INSERT INTO sender_organisation (enterprise_number, short_name_nl, short_name_fr, short_name_de,
					short_name_en, created_at, updated_at) VALUES (?, 'Ander', 'Autre', 'Andere', 'Other',
					CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""").param(other.digits()).update();
		jdbc.sql("""
				INSERT INTO sender_application (id, organisation, name_nl, name_fr, name_de, name_en, created_at,
					updated_at) VALUES (?, ?, 'A', 'A', 'A', 'A', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
			.params(otherApplication, other.digits()).update();
		jdbc.sql("""
				INSERT INTO message_type (id, organisation, name_nl, name_fr, name_de, name_en, validity_value,
					validity_unit, protected, kind, created_at, updated_at)
				VALUES (?, ?, 'T', 'T', 'T', 'T', 1, 'YEAR', FALSE, 'DOCUMENT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
			.params(otherType, other.digits()).update();
		EnterpriseNumber recipient = activeEnterprise();

		var application = message(recipient, DemoReferenceData.UNPROTECTED_TYPE);
		application.put("senderApplicationId", otherApplication);
		var organisation = message(recipient, DemoReferenceData.UNPROTECTED_TYPE);
		organisation.put("senderOrganizationId", other.digits());
		var type = message(recipient, otherType);
		var unknownType = message(recipient, "NoSuchType");
		for (var message : List.of(application, organisation, type, unknownType)) {
			assertRefused(publish(token, null, Part.json(json.writeValueAsString(message))), 400, "INVALID_SENDER");
		}
	}

	@Test
	void aDigestThatDoesNotMatchIsRefused() throws Exception {
		long before = count();
		Map<String, Object> message = message(activeEnterprise(), DemoReferenceData.UNPROTECTED_TYPE);
		message.put("attachments", List.of(Map.of("httpPartName", "upfile1", "mainContent", true, "digest",
				Map.of("digestMethod", "sha_256", "digestValue", Digests.sha256Base64Url("other".getBytes())))));
		assertRefused(publish(token, null, Part.json(json.writeValueAsString(message)),
				Part.file("upfile1", "a.pdf", "application/pdf", PDF)), 400, "DIGEST_DO_NOT_MATCH");
		assertThat(count()).as("nothing stored").isEqualTo(before);
	}

	@Test
	void contentIsCheckedNamesAndSubjectsAreBounded() throws Exception {
		EnterpriseNumber recipient = activeEnterprise();
		Map<String, Object> withFile = message(recipient, DemoReferenceData.UNPROTECTED_TYPE);
		withFile.put("attachments", List.of(Map.of("httpPartName", "upfile1", "mainContent", true)));
		String withFileJson = json.writeValueAsString(withFile);
		byte[] executable = new byte[4096];
		executable[0] = 'M';
		executable[1] = 'Z';
		assertRefused(publish(token, null, Part.json(withFileJson),
				Part.file("upfile1", "invoice.pdf", "application/pdf", executable)), 400, "UNSUPPORTED_MEDIA_TYPE");
		assertRefused(publish(token, null, Part.json(withFileJson),
				Part.file("upfile1", "x".repeat(77) + ".pdf", "application/pdf", PDF)), 400, "FILE_NAME_TOO_LONG");
		assertThat(publish(token, null, Part.json(withFileJson),
				Part.file("upfile1", "x".repeat(76) + ".pdf", "application/pdf", PDF)).statusCode()).isEqualTo(201);
		assertRefused(publish(token, null, Part.json(withFileJson),
				Part.file("upfile1", "big.txt", "text/plain", "a".repeat(1024 * 1024 + 1).getBytes())), 400, "FILE_TOO_LARGE");

		Map<String, Object> longSubject = message(recipient, DemoReferenceData.UNPROTECTED_TYPE);
		longSubject.put("subject", Map.of("nl", "s".repeat(256)));
		assertRefused(publish(token, null, Part.json(json.writeValueAsString(longSubject))), 400, "SUBJECT_TOO_LONG");
		longSubject.put("subject", Map.of("nl", "s".repeat(255)));
		assertThat(publish(token, null, Part.json(json.writeValueAsString(longSubject))).statusCode()).isEqualTo(201);
	}

	@Test
	void partsMustMatchTheAttachments() throws Exception {
		EnterpriseNumber recipient = activeEnterprise();
		Map<String, Object> message = message(recipient, DemoReferenceData.UNPROTECTED_TYPE);
		message.put("attachments", List.of(Map.of("httpPartName", "upfile3", "mainContent", true)));
		String text = json.writeValueAsString(message);
		assertRefused(publish(token, null, Part.json(text)), 400, "MISSING_PART");
		assertRefused(publish(token, null, Part.json(text), Part.file("upfile2", "a.pdf", "application/pdf", PDF)), 400,
				"MISSING_PART");
		assertRefused(publish(token, null, Part.file("upfile3", "a.pdf", "application/pdf", PDF)), 400, "MISSING_PART");
		assertRefused(publish(token, null, Part.json(text), Part.file("upfile3", "a.pdf", "application/pdf", PDF),
				Part.file("upfile9", "b.pdf", "application/pdf", PDF)), 400, "INVALID_DATA");
		message.put("attachments", List.of(Map.of("httpPartName", "somethingElse", "mainContent", true)));
		assertRefused(publish(token, null, Part.json(json.writeValueAsString(message)),
				Part.file("upfile3", "a.pdf", "application/pdf", PDF)), 400, "MISSING_PART");
		assertRefused(publish(token, null, Part.json("{not json")), 400, "INVALID_DATA");
	}

	@Test
	void aRetriedRequestReturnsTheFirstResultAndStoresNothingTwice() throws Exception {
		String key = UUID.randomUUID().toString();
		String text = json.writeValueAsString(message(activeEnterprise(), DemoReferenceData.UNPROTECTED_TYPE));
		long before = count();
		var first = publish(token, key, Part.json(text));
		var second = publish(token, key, Part.json(text));
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(second.statusCode()).isEqualTo(201);
		assertThat(json.readTree(second.body()).get("messageId").asString())
			.isEqualTo(json.readTree(first.body()).get("messageId").asString());
		assertThat(json.readTree(second.body()).get("expirationDate").asString())
			.isEqualTo(json.readTree(first.body()).get("expirationDate").asString());
		assertThat(count()).isEqualTo(before + 1);

		String different = json.writeValueAsString(message(activeEnterprise(), DemoReferenceData.UNPROTECTED_TYPE));
		assertRefused(publish(token, key, Part.json(different)), 409, "IDEMPOTENCY_KEY_REUSED");
		assertThat(count()).isEqualTo(before + 1);
	}

	@Test
	void theSameKeyAtTheSameMomentStoresOneMessage() throws Exception {
		String key = UUID.randomUUID().toString();
		String text = json.writeValueAsString(message(activeEnterprise(), DemoReferenceData.UNPROTECTED_TYPE));
		long before = count();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			var answers = pool.invokeAll(java.util.Collections.nCopies(4,
					(java.util.concurrent.Callable<HttpResponse<String>>) () -> publish(token, key, Part.json(text))));
			var ids = new java.util.HashSet<String>();
			for (var answer : answers) {
				assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
				ids.add(json.readTree(answer.get().body()).get("messageId").asString());
			}
			assertThat(ids).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(count()).isEqualTo(before + 1);
	}

	@Test
	void aSenderMayAskForAnEarlierExpiryNeverALaterOne() throws Exception {
		Map<String, Object> message = message(activeEnterprise(), DemoReferenceData.UNPROTECTED_TYPE);
		message.put("expirationDate", "2099-01-01T00:00:00+01:00");
		message.put("someFieldOfALaterContract", "ignored");
		assertRefused(publish(token, null, Part.json(json.writeValueAsString(message))), 400, "INVALID_DATA");
		String soon = OffsetDateTime.now(ZoneId.of("Europe/Brussels")).plusDays(10).truncatedTo(ChronoUnit.SECONDS)
			.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
		message.put("expirationDate", soon);
		var response = publish(token, null, Part.json(json.writeValueAsString(message)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(OffsetDateTime.parse(json.readTree(response.body()).get("expirationDate").asString()).toInstant())
			.isEqualTo(OffsetDateTime.parse(soon).toInstant());
	}

	@Test
	void anEboxThatIsNotActiveStillGetsTheMessage() throws Exception {
		EnterpriseNumber neverRegistered = registryEnterprise();
		EnterpriseNumber registeredOnly = registryEnterprise();
		ebox(registeredOnly, "REGISTERED");
		for (EnterpriseNumber recipient : List.of(neverRegistered, registeredOnly)) {
			var response = publish(token, null,
					Part.json(json.writeValueAsString(message(recipient, DemoReferenceData.UNPROTECTED_TYPE))));
			assertThat(response.statusCode()).isEqualTo(201);
			contract.assertValidResponse("POST", PATH, 201, "application/json", response.body());
			JsonNode body = json.readTree(response.body());
			assertThat(body.get("code").asString()).isEqualTo("NO_DIGITAL_USER");
			assertThat(messages.find(MessageId.parse(body.get("messageId").asString()).orElseThrow())).get()
				.extracting(Message::recipient).isEqualTo(recipient);
		}
	}

	@Test
	void anUnknownOrInvalidRecipientIsABadRequest() throws Exception {
		Map<String, Object> unknown = message(TestEnterprises.freshNumber(), DemoReferenceData.UNPROTECTED_TYPE);
		var response = publish(token, null, Part.json(json.writeValueAsString(unknown)));
		assertRefused(response, 400, "UNKNOWN_RECIPIENT");
		assertThat(json.readTree(response.body()).get("message").asString()).contains("not in the enterprise registry");
		Map<String, Object> invalid = message(TestEnterprises.freshNumber(), DemoReferenceData.UNPROTECTED_TYPE);
		invalid.put("recipient", Map.of("eboxType", "enterprise", "eboxIdValue", "0123456789"));
		assertRefused(publish(token, null, Part.json(json.writeValueAsString(invalid))), 400, "INVALID_RECIPIENT");
	}

	@Test
	void needsATokenWithThePublicationScope() throws Exception {
		String text = json.writeValueAsString(message(activeEnterprise(), DemoReferenceData.UNPROTECTED_TYPE));
		var anonymous = publish(null, null, Part.json(text));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		contract.assertValidResponse("POST", PATH, 401, "application/json", anonymous.body());
		assertThat(publish(accessToken(Scopes.REFERENCE_DATA), null, Part.json(text)).statusCode()).isEqualTo(403);
	}

	private void assertRefused(HttpResponse<String> response, int status, String code) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(json.readTree(response.body()).get("code").asString()).as(response.body()).isEqualTo(code);
		if (status == 400) {
			contract.assertValidResponse("POST", PATH, status, "application/json", response.body());
		}
	}

	private Map<String, Object> message(EnterpriseNumber recipient, String type) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("recipient", Map.of("eboxType", "enterprise", "eboxIdValue", recipient.digits()));
		message.put("subject", Map.of("nl", "Onderwerp", "fr", "Sujet", "de", "Betreff"));
		message.put("messageTypeId", type);
		message.put("bodyContent", Map.of("fr", "Corps"));
		message.put("bodyMainContent", true);
		message.put("replyAuthorized", false);
		return message;
	}

	private long count() {
		return jdbc.sql("SELECT COUNT(*) FROM message").query(Long.class).single();
	}

	private EnterpriseNumber registryEnterprise() {
		EnterpriseNumber number = TestEnterprises.freshNumber();
		jdbc.sql("INSERT INTO registry_enterprise (enterprise_number, status, type_of_enterprise) VALUES (?, 'AC', '2')")
			.param(number.digits()).update();
		return number;
	}

	private EnterpriseNumber activeEnterprise() {
		EnterpriseNumber number = registryEnterprise();
		ebox(number, "ACTIVE");
		return number;
	}

	private void ebox(EnterpriseNumber number, String state) {
		jdbc.sql("""
				INSERT INTO enrolment_ebox (enterprise_number, state, registered_at, representative_name, email,
					letter_language, main_account_id) VALUES (?, ?, CURRENT_TIMESTAMP, 'Test', 'test@example.be', 'fr', ?)""")
			.params(number.digits(), state, UUID.randomUUID()).update();
	}

	private HttpResponse<String> publish(String bearer, String idempotencyKey, Part... parts) throws Exception {
		var multipart = Multipart.of(new ArrayList<>(List.of(parts)));
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
			.header("Content-Type", multipart.contentType())
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body()));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String accessToken(String scope) throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString((DemoReferenceData.CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
					+ URLEncoder.encode(scope, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body()).get("access_token").asString();
	}
}
