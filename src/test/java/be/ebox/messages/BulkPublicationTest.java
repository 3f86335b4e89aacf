package be.ebox.messages;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import be.ebox.documents.Digests;
import be.ebox.messages.Multipart.Part;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.MachineClients;
import be.ebox.senders.Scopes;
import be.ebox.senders.SenderApplicationId;
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

/**
 * {@code POST /api/v1/publications} and {@code GET /api/v1/publications/{id}} over HTTP with real tokens: lines
 * published by the workers in chunks of three, a bad line failing alone with its reason, a shared document stored once,
 * and a job visible only to the application that started it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ebox.bulk.chunk-lines=3", "ebox.bulk.poll-interval=200ms" })
class BulkPublicationTest {

	static final String SECRET = "demo-secret-for-tests";

	static final String PATH = "/api/v1/publications";

	@LocalServerPort
	int port;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	MachineClients clients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BulkPublications bulk;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	TestEnterprises enterprises;

	String token;

	@BeforeEach
	void senderAndToken() throws Exception {
		demo.install(SECRET);
		enterprises = new TestEnterprises(jdbc);
		token = accessToken(DemoReferenceData.CLIENT_ID, SECRET);
	}

	@Test
	void publishesEveryGoodLineOnceAndReportsTheBadOnesAlone() throws Exception {
		EnterpriseNumber active = enterprises.legalPerson("Active SA", "Actief NV");
		ebox(active);
		EnterpriseNumber registered = enterprises.legalPerson("Dormante SA", "Slapend NV");
		EnterpriseNumber third = enterprises.legalPerson("Troisième SA", "Derde NV");
		EnterpriseNumber notInRegistry = TestEnterprises.freshNumber();
		String csv = String.join("\r\n",
				"enterpriseNumber,name,ref",
				active.digits() + ",\"Société \"\"Élan\"\", Liège\",R-1",
				registered.formatted() + ",Dormante,R-2",
				"",
				"0123456789,Bad,R-3",
				notInRegistry.digits() + ",Unknown,R-4",
				third.digits() + ",only two values",
				third.digits() + "," + "x".repeat(300) + ",R-6",
				third.digits() + ",Derde,R-7") + "\r\n";
		Map<String, Object> template = Map.of("messageTypeId", DemoReferenceData.UNPROTECTED_TYPE,
				"subject", Map.of("nl", "Beste {{name}}", "fr", "Cher {{ name }}, dossier {{ref}}"),
				"body", Map.of("nl", "Uw referentie is {{ref}}.", "fr", "Votre référence est {{ref}}."),
				"bodyMainContent", true,
				"documents", List.of(Map.of("fileName", "brochure.pdf", "title", Map.of("nl", "Brochure"))));
		byte[] pdf = PublicationTest.PDF;

		var response = post(token, Part.file("template", "template.json", "application/json", json.writeValueAsBytes(template)),
				Part.file("recipients", "recipients.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)),
				Part.file("document", "brochure.pdf", "application/pdf", pdf));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		String id = json.readTree(response.body()).get("id").asString();
		assertThat(response.headers().firstValue("Location")).hasValue(PATH + "/" + id);
		JsonNode report = waitUntilDone(id);
		assertThat(report.get("total").asLong()).as("lines with a recipient, blank line and header not counted").isEqualTo(7);
		assertThat(report.get("done").asLong()).isEqualTo(3);
		assertThat(report.get("failed").asLong()).isEqualTo(4);
		assertThat(report.get("noDigitalUser").asLong()).as("two e-Boxes never activated").isEqualTo(2);
		var failures = new ArrayList<String>();
		report.get("failedLines").forEach(f -> failures.add(f.get("line").asLong() + " " + f.get("code").asString()));
		assertThat(failures).containsExactly("5 INVALID_RECIPIENT", "6 UNKNOWN_RECIPIENT", "7 MALFORMED_LINE",
				"8 SUBJECT_TOO_LONG");
		assertThat(report.get("failedLines").get(2).get("reason").asString()).contains("2 values", "3 columns");

		var messages = jdbc.sql("""
				SELECT m.recipient, m.publication_code, c.subject, c.search_text FROM message m
				JOIN message_content c ON c.message_id = m.id AND c.language = 'fr'
				WHERE m.recipient IN (?, ?, ?)""")
			.params(active.digits(), registered.digits(), third.digits())
			.query((rs, row) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4))
			.list();
		assertThat(messages).containsExactlyInAnyOrder(
				active.digits() + "|null|Cher Société \"Élan\", Liège, dossier R-1|cher societe \"elan\", liege, dossier r-1 votre reference est r-1.",
				third.digits() + "|NO_DIGITAL_USER|Cher Derde, dossier R-7|cher derde, dossier r-7 votre reference est r-7.",
				registered.digits() + "|NO_DIGITAL_USER|Cher Dormante, dossier R-2|cher dormante, dossier r-2 votre reference est r-2.");
		String sha = Digests.sha256Hex(pdf);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM document_blob WHERE sha256 = ?").param(sha).query(Long.class).single())
			.as("the shared document is stored once").isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM message_attachment a JOIN message m ON m.id = a.message_id
				WHERE m.recipient IN (?, ?, ?) AND a.blob_sha256 = ? AND a.file_name = 'brochure.pdf' AND a.title_nl = 'Brochure'""")
			.params(active.digits(), registered.digits(), third.digits(), sha).query(Long.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action LIKE 'BULK_PUBLICATION_%' AND details LIKE ?")
			.param("job " + id + "%").query(Long.class).single()).as("one audit record at the start, one at the end")
			.isEqualTo(2);
	}

	@Test
	void ndjsonLinesCarryTheirOwnDocumentInlineOrFromTheZip() throws Exception {
		EnterpriseNumber a = enterprises.legalPerson("A SA", "A NV");
		EnterpriseNumber b = enterprises.legalPerson("B SA", "B NV");
		byte[] letterA = (new String(PublicationTest.PDF, StandardCharsets.US_ASCII) + "% letter A\n").getBytes(StandardCharsets.US_ASCII);
		byte[] letterB = (new String(PublicationTest.PDF, StandardCharsets.US_ASCII) + "% letter B\n").getBytes(StandardCharsets.US_ASCII);
		byte[] executable = new byte[4096];
		executable[0] = 'M';
		executable[1] = 'Z';
		String ndjson = String.join("\n",
				json.writeValueAsString(Map.of("enterpriseNumber", a.digits(), "variables", Map.of("code", "A-123"),
						"document", Map.of("fileName", "letter-a.pdf", "content", Base64.getEncoder().encodeToString(letterA)))),
				json.writeValueAsString(Map.of("enterpriseNumber", b.digits(), "variables", Map.of("code", 456),
						"document", "letters/letter-b.pdf")),
				"{not json",
				json.writeValueAsString(Map.of("enterpriseNumber", b.digits(), "variables", Map.of("code", "x"),
						"document", Map.of("fileName", "invoice.pdf", "content", Base64.getEncoder().encodeToString(executable)))),
				json.writeValueAsString(Map.of("enterpriseNumber", b.digits(), "document", "letters/letter-b.pdf")),
				json.writeValueAsString(Map.of("enterpriseNumber", b.digits(), "variables", Map.of("code", "y"),
						"document", "letters/missing.pdf")));
		Map<String, Object> template = Map.of("messageTypeId", DemoReferenceData.UNPROTECTED_TYPE,
				"subject", Map.of("de", "Ihr Code {{code}}"), "personalDocument",
				Map.of("mainContent", true, "title", Map.of("de", "Ihr Brief")));

		var response = post(token, Part.file("template", "t.json", "application/json", json.writeValueAsBytes(template)),
				Part.file("recipients", "lines.ndjson", "application/x-ndjson", ndjson.getBytes(StandardCharsets.UTF_8)),
				Part.file("personalDocuments", "letters.zip", "application/zip", zip(Map.of("letters/letter-b.pdf", letterB))));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		JsonNode report = waitUntilDone(json.readTree(response.body()).get("id").asString());
		var failures = new ArrayList<String>();
		report.get("failedLines").forEach(f -> failures.add(f.get("line").asLong() + " " + f.get("code").asString()));
		assertThat(failures).containsExactly("3 MALFORMED_LINE", "4 UNSUPPORTED_MEDIA_TYPE", "5 MISSING_VARIABLE",
				"6 MISSING_DOCUMENT");
		assertThat(report.get("done").asLong()).isEqualTo(2);
		var attachments = jdbc.sql("""
				SELECT m.recipient, c.subject, a.file_name, a.blob_sha256, a.main_content, a.title_de FROM message m
				JOIN message_content c ON c.message_id = m.id JOIN message_attachment a ON a.message_id = m.id
				WHERE m.recipient IN (?, ?) ORDER BY m.recipient""")
			.params(a.digits(), b.digits())
			.query((rs, row) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
					+ "|" + rs.getBoolean(5) + "|" + rs.getString(6))
			.list();
		assertThat(attachments).containsExactlyInAnyOrder(
				a.digits() + "|Ihr Code A-123|letter-a.pdf|" + Digests.sha256Hex(letterA) + "|true|Ihr Brief",
				b.digits() + "|Ihr Code 456|letters/letter-b.pdf|" + Digests.sha256Hex(letterB) + "|true|Ihr Brief");
	}

	@Test
	void aJobIsVisibleOnlyToTheApplicationThatStartedIt() throws Exception {
		EnterpriseNumber recipient = enterprises.legalPerson("Cible SA", "Doel NV");
		var response = post(token, template(DemoReferenceData.UNPROTECTED_TYPE),
				Part.file("recipients", "r.csv", "text/csv", ("enterpriseNumber\n" + recipient.digits() + "\n").getBytes()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		String id = json.readTree(response.body()).get("id").asString();
		waitUntilDone(id);

		var other = TestEnterprises.freshNumber();
		String otherApplication = "other.bulk." + other.digits();
		jdbc.sql("""
				INSERT INTO sender_organisation (enterprise_number, short_name_nl, short_name_fr, short_name_de,
					short_name_en, created_at, updated_at) VALUES (?, 'Ander', 'Autre', 'Andere', 'Other',
					CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""").param(other.digits()).update();
		jdbc.sql("""
				INSERT INTO sender_application (id, organisation, name_nl, name_fr, name_de, name_en, created_at,
					updated_at) VALUES (?, ?, 'A', 'A', 'A', 'A', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
			.params(otherApplication, other.digits()).update();
		var issued = clients.createForApplication(new SenderApplicationId(otherApplication), "test");
		String otherToken = accessToken(issued.clientId(), issued.secret());

		var foreign = get(otherToken, id);
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(foreign.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(foreign.body()).doesNotContain("total");
		assertThat(get(otherToken, UUID.randomUUID().toString()).statusCode()).isEqualTo(404);
		assertThat(bulk.recent(new SenderApplicationId(DemoReferenceData.APPLICATION), 100))
			.extracting(status -> status.id().toString()).contains(id);
		assertThat(bulk.recent(new SenderApplicationId(otherApplication), 100)).isEmpty();
		assertThat(get(token, "not-a-uuid").statusCode()).isEqualTo(404);
		assertThat(get(null, id).statusCode()).isEqualTo(401);
		assertThat(get(accessToken(DemoReferenceData.CLIENT_ID, SECRET, Scopes.REFERENCE_DATA), id).statusCode())
			.as("without the publication scope").isEqualTo(403);
		var ownTypeOfSomeoneElse = post(otherToken, template(DemoReferenceData.UNPROTECTED_TYPE),
				Part.file("recipients", "r.csv", "text/csv", ("enterpriseNumber\n" + recipient.digits() + "\n").getBytes()));
		assertThat(ownTypeOfSomeoneElse.statusCode()).isEqualTo(400);
		assertThat(json.readTree(ownTypeOfSomeoneElse.body()).get("code").asString()).isEqualTo("INVALID_SENDER");
	}

	@Test
	void aTemplateThatBreaksARuleStartsNothing() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM bulk_publication").query(Long.class).single();
		byte[] recipients = "enterpriseNumber\n0412345614\n".getBytes();
		assertRefused(post(token, template(DemoReferenceData.UNPROTECTED_TYPE)), "MISSING_PART");
		assertRefused(post(token, Part.file("recipients", "r.csv", "text/csv", recipients)), "MISSING_PART");
		assertRefused(post(token, template(DemoReferenceData.UNPROTECTED_TYPE),
				Part.file("recipients", "r.txt", "text/plain", recipients)), "INVALID_DATA");
		assertRefused(post(token, template(DemoReferenceData.UNPROTECTED_TYPE),
				Part.file("recipients", "r.csv", "text/csv", "number,name\n1,2\n".getBytes())), "INVALID_DATA");
		assertRefused(post(token, template(DemoReferenceData.UNPROTECTED_TYPE),
				Part.file("recipients", "r.csv", "text/csv", recipients),
				Part.file("document", "invoice.pdf", "application/pdf", new byte[] { 'M', 'Z', 0, 0 })), "UNSUPPORTED_MEDIA_TYPE");
		Map<String, Object> dueDate = Map.of("messageTypeId", DemoReferenceData.UNPROTECTED_TYPE,
				"subject", Map.of("nl", "Taak"), "body", Map.of("nl", "Doe iets"), "bodyMainContent", true,
				"dueDate", "2099-01-01");
		assertRefused(post(token, Part.file("template", "t.json", "application/json", json.writeValueAsBytes(dueDate)),
				Part.file("recipients", "r.csv", "text/csv", recipients)), "INVALID_DATA");
		assertRefused(post(token, Part.file("template", "t.json", "application/json", "{oops".getBytes()),
				Part.file("recipients", "r.csv", "text/csv", recipients)), "INVALID_DATA");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM bulk_publication").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void theOpenApiDescriptionIsPublic() throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH + ".yaml")).GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("openapi: 3.0.3", "/api/v1/publications/{id}");
	}

	private void assertRefused(HttpResponse<String> response, String code) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(response.body()).get("code").asString()).as(response.body()).isEqualTo(code);
	}

	private Part template(String type) {
		return Part.file("template", "t.json", "application/json", json.writeValueAsBytes(Map.of("messageTypeId", type,
				"subject", Map.of("nl", "Onderwerp"), "body", Map.of("nl", "Tekst"), "bodyMainContent", true)));
	}

	private JsonNode waitUntilDone(String id) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			var response = get(token, id);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode report = json.readTree(response.body());
			if (report.get("state").asString().equals("DONE")) {
				return report;
			}
			assertThat(Instant.now()).as("job still running: " + response.body()).isBefore(deadline);
			Thread.sleep(100);
		}
	}

	private void ebox(EnterpriseNumber number) {
		jdbc.sql("""
				INSERT INTO enrolment_ebox (enterprise_number, state, registered_at, representative_name, email,
					letter_language, main_account_id) VALUES (?, 'ACTIVE', CURRENT_TIMESTAMP, 'Test', 'test@example.be', 'fr', ?)""")
			.params(number.digits(), UUID.randomUUID()).update();
	}

	static byte[] zip(Map<String, byte[]> files) throws Exception {
		var out = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(out)) {
			for (var file : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue());
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private HttpResponse<String> post(String bearer, Part... parts) throws Exception {
		var multipart = Multipart.of(List.of(parts));
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
			.header("Content-Type", multipart.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body()));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String bearer, String id) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH + "/" + id)).GET();
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String accessToken(String clientId, String secret) throws Exception {
		return accessToken(clientId, secret, Scopes.PUBLICATION_SENDER);
	}

	private String accessToken(String clientId, String secret, String scope) throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
					+ URLEncoder.encode(scope, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("access_token").asString();
	}
}
