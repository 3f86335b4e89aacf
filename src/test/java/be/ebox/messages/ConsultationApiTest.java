package be.ebox.messages;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import be.ebox.contract.MessageRegistryContract;
import be.ebox.documents.Digests;
import be.ebox.messages.Multipart.Part;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.MachineClients;
import be.ebox.senders.Scopes;
import be.ebox.testsupport.TestEnterprises;
import be.ebox.testsupport.TestMessages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consultation API as an enterprise's software uses it: its own e-Box over HTTP with a real token, every answer
 * checked against the e-Box contract.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsultationApiTest {

	static final String SECRET = "demo-secret-for-tests";

	static final String EBOX = MessageRegistryContract.MOUNT + "/ebox";

	static final String MESSAGES = EBOX + "/messages";

	@LocalServerPort
	int port;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	MachineClients clients;

	@Autowired
	Evidence evidence;

	@Autowired
	JdbcClient jdbc;

	final MessageRegistryContract contract = MessageRegistryContract.validator();

	MachineHttp http;

	TestMessages test;

	EnterpriseNumber enterprise;

	String token;

	@BeforeEach
	void enterpriseWithSoftware() throws Exception {
		demo.install(SECRET);
		http = new MachineHttp(port);
		test = new TestMessages(jdbc);
		enterprise = new TestEnterprises(jdbc).legalPerson("Consult SA", "Consult NV");
		var client = clients.createForEnterprise(enterprise, "test");
		token = http.token(client.clientId(), client.secret(), Scopes.DOCUMENT_CONSUMER);
	}

	@Test
	void listsTheOwnEboxPagedWithTheTotal() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (int i = 0; i < 30; i++) {
			test.to(enterprise).publishedAt(now.minus(i, ChronoUnit.MINUTES)).insert();
		}
		JsonNode first = ok(MESSAGES);
		assertThat(first.get("totalItems").asInt()).isEqualTo(30);
		assertThat(first.get("items")).hasSize(25);
		JsonNode last = ok(MESSAGES + "?page=2&pageSize=25");
		assertThat(last.get("items")).hasSize(5);
		JsonNode small = ok(MESSAGES + "?page=3&pageSize=7");
		assertThat(small.get("items")).hasSize(7);
		assertThat(ok(MESSAGES + "?page=9").get("items")).isEmpty();
		JsonNode newest = first.get("items").get(0);
		assertThat(newest.get("readStatus").asBoolean()).isFalse();
		assertThat(newest.get("visible").asBoolean()).isTrue();
		assertThat(newest.get("subject").get("nl").asString()).isEqualTo("Onderwerp");
	}

	@Test
	void everyFilterOfTheContractSelects() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		MessageId old = test.to(enterprise).publishedAt(now.minus(40, ChronoUnit.DAYS)).insert();
		MessageId french = test.to(enterprise).content("fr", "Élections sociales", "Procédure à suivre")
			.sender("0308357159", "other.app.be").insert();
		MessageId typed = test.to(enterprise).type("SpecialType", false).expiresAt(now.plus(5, ChronoUnit.DAYS)).insert();
		MessageId hidden = test.to(enterprise).insert();
		jdbc.sql("UPDATE message SET hidden = TRUE WHERE id = ?").param(hidden.value()).update();
		MessageId read = test.to(enterprise).insert();
		jdbc.sql("UPDATE message SET first_read_at = CURRENT_TIMESTAMP WHERE id = ?").param(read.value()).update();
		String tenDaysAgo = java.time.LocalDate.now().minusDays(10).toString();

		assertThat(ids("receivedBefore=" + tenDaysAgo)).containsExactly(old);
		assertThat(ids("receivedAfter=" + tenDaysAgo)).doesNotContain(old).hasSize(4);
		assertThat(ids("expiredBefore=" + java.time.LocalDate.now().plusDays(30))).containsExactly(typed);
		assertThat(ids("expiredAfter=" + java.time.LocalDate.now().plusDays(30))).doesNotContain(typed).hasSize(4);
		assertThat(ids("readStatus=true")).containsExactly(read);
		assertThat(ids("readStatus=false")).doesNotContain(read).hasSize(4);
		assertThat(ids("visible=false")).containsExactly(hidden);
		assertThat(ids("visible=true")).doesNotContain(hidden).hasSize(4);
		assertThat(ids("messageTypeId=SpecialType")).containsExactly(typed);
		assertThat(ids("senderOrganizationId=0308357159")).containsExactly(french);
		assertThat(ids("senderApplicationId=other.app.be")).containsExactly(french);
		assertThat(ids("q=" + enc("ELECTIONS procedure") + "&qlang=fr")).containsExactly(french);
		assertThat(ids("q=" + enc("élections") + "&qlang=nl")).isEmpty();
		assertThat(ids("registeredMail=true")).isEmpty();
		assertThat(ids("registeredMail=false")).hasSize(5);
		assertThat(ids("visible=true&readStatus=false&messageTypeId=SpecialType")).containsExactly(typed);
	}

	@Test
	void badParametersAreRefusedInTheContractShape() throws Exception {
		for (String query : List.of("page=0", "page=x", "pageSize=0", "pageSize=101", "receivedBefore=yesterday",
				"receivedAfter=2024-13-01", "expiredBefore=1", "expiredAfter=soon", "readStatus=yes", "visible=1",
				"registeredMail=maybe", "senderOrganizationId=0123456789", "senderApplicationId=" + enc("a b"),
				"messageTypeId=" + enc("<script>"), "q=word", "q=word&qlang=xx", "qlang=klingon",
				"q=" + "a".repeat(201) + "&qlang=nl")) {
			var response = http.get(MESSAGES + "?" + query, token);
			assertThat(response.statusCode()).as(query + " " + response.body()).isEqualTo(400);
			assertThat(http.body(response).get("code").asString()).isEqualTo("INVALID_DATA");
			contract.assertValidResponse("GET", MESSAGES, 400, "application/json", response.body());
		}
	}

	@Test
	void aPublishedMessageWithItsDocumentsAsSoftwareReadsIt() throws Exception {
		String senderToken = http.token(DemoReferenceData.CLIENT_ID, SECRET, Scopes.PUBLICATION_SENDER);
		byte[] pdf = PublicationTest.PDF;
		byte[] notes = "Notes de réunion".getBytes(StandardCharsets.UTF_8);
		Map<String, Object> message = http.message(enterprise, DemoReferenceData.PROTECTED_TYPE);
		message.put("bodyMainContent", false);
		message.put("businessDataList", List.of(Map.of("key", "dossierNumber", "values", List.of(Map.of("nl", "42")))));
		message.put("attachments", List.of(Map.of("httpPartName", "upfile1", "mainContent", true, "attachmentTitle",
				Map.of("fr", "Convocation")), Map.of("httpPartName", "upfile2", "mainContent", false)));
		var published = http.multipart(MessageRegistryContract.MOUNT + "/publishMessage", senderToken,
				Part.json(http.write(message)), Part.file("upfile1", "convocation.pdf", "application/pdf", pdf),
				Part.file("upfile2", "notes.txt", "text/plain", notes));
		assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
		String id = http.body(published).get("messageId").asString();

		JsonNode found = ok(MESSAGES + "/" + id);
		assertThat(found.get("messageTypeId").asString()).isEqualTo(DemoReferenceData.PROTECTED_TYPE);
		assertThat(found.get("senderOrganizationId").asString()).isEqualTo(DemoReferenceData.ORGANISATION);
		assertThat(found.get("businessDataList").get("items").get(0).get("key").asString()).isEqualTo("dossierNumber");
		assertThat(found.get("attachments").get("totalItems").asInt()).isEqualTo(2);
		JsonNode attachments = ok(MESSAGES + "/" + id + "/attachments");
		JsonNode main = attachments.get("items").get(0);
		assertThat(main.get("fileName").asString()).isEqualTo("convocation.pdf");
		assertThat(main.get("mainContent").asBoolean()).isTrue();
		assertThat(main.get("digest").get("digestValue").asString()).isEqualTo(Digests.sha256Base64Url(pdf));
		assertThat(main.get("size").asDouble()).isEqualTo(pdf.length / 1024.0);
		JsonNode annex = ok(MESSAGES + "/" + id + "/attachments/2");
		assertThat(annex.get("mediaType").asString()).isEqualTo("text/plain");

		HttpResponse<byte[]> annexBytes = http.getBytes(annex.get("contentHref").asString()
			.replaceFirst("^https?://[^/]+", ""), token);
		assertThat(annexBytes.statusCode()).isEqualTo(200);
		assertThat(annexBytes.body()).isEqualTo(notes);
		assertThat(annexBytes.headers().firstValue("Content-Disposition")).get().asString()
			.startsWith("attachment").contains("notes.txt");
		assertThat(annexBytes.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(ok(MESSAGES + "/" + id).get("readStatus").asBoolean()).as("an annex does not mark read").isFalse();
		var body = http.get(MESSAGES + "/" + id + "/body", token);
		assertThat(body.statusCode()).isEqualTo(200);
		contract.assertValidResponse("GET", MESSAGES + "/" + id + "/body", 200, "application/json", body.body());
		assertThat(ok(MESSAGES + "/" + id).get("readStatus").asBoolean()).as("the body is not the main content").isFalse();

		HttpResponse<byte[]> mainBytes = http.getBytes(MESSAGES + "/" + id + "/attachments/1/content", token);
		assertThat(mainBytes.statusCode()).isEqualTo(200);
		assertThat(mainBytes.body()).isEqualTo(pdf);
		assertThat(mainBytes.headers().firstValue("Content-Type")).contains("application/pdf");
		assertThat(ok(MESSAGES + "/" + id).get("readStatus").asBoolean()).isTrue();
		assertThat(ids("readStatus=true")).extracting(MessageId::toString).containsExactly(id);

		var timeline = evidence.timeline(MessageId.parse(id).orElseThrow());
		assertThat(timeline).extracting(Evidence.Event::kind).containsExactly(Evidence.Kind.PUBLISHED,
				Evidence.Kind.VISIBLE, Evidence.Kind.DOWNLOADED, Evidence.Kind.DOWNLOADED);
		assertThat(timeline.get(3).actorKind()).isEqualTo("SOFTWARE");
		assertThat(timeline.get(3).attachmentPosition()).isEqualTo(1);

		for (String missing : List.of("/attachments/3", "/attachments/x", "/attachments/0/content", "/paymentData")) {
			var response = http.get(MESSAGES + "/" + id + missing, token);
			assertThat(response.statusCode()).as(missing).isEqualTo(404);
			assertThat(http.body(response).get("code").asString()).isEqualTo("NOT_FOUND");
			if (!missing.endsWith("/content")) {
				// the contract declares only application/octet-stream for /content, even for its StatusMessage errors
				contract.assertValidResponse("GET", MESSAGES + "/" + id + missing, 404, "application/json",
						response.body());
			}
		}
	}

	@Test
	void theBodyAsMainContentMarksTheMessageRead() throws Exception {
		MessageId id = test.to(enterprise).content("nl", "Onderwerp", "De inhoud").content("fr", "Sujet", "Le contenu")
			.insert();
		JsonNode body = ok(MESSAGES + "/" + id + "/body");
		assertThat(body.get("nl").asString()).isEqualTo("De inhoud");
		assertThat(body.get("fr").asString()).isEqualTo("Le contenu");
		assertThat(ok(MESSAGES + "/" + id).get("readStatus").asBoolean()).isTrue();
		assertThat(evidence.timeline(id)).extracting(Evidence.Event::kind).contains(Evidence.Kind.OPENED);
	}

	@Test
	void hidesAndUnhidesInBulkAllOrNothing() throws Exception {
		MessageId a = test.to(enterprise).insert();
		MessageId b = test.to(enterprise).insert();
		var response = patch(Map.of("items", List.of(Map.of("messageId", a.toString(), "visible", false),
				Map.of("messageId", b.toString(), "visible", false))));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(ids("visible=false")).containsExactlyInAnyOrder(a, b);

		var unknown = patch(Map.of("items", List.of(Map.of("messageId", a.toString(), "visible", true),
				Map.of("messageId", MessageId.random().toString(), "visible", true))));
		assertThat(unknown.statusCode()).isEqualTo(404);
		contract.assertValidResponse("PATCH", MESSAGES, 404, "application/json", unknown.body());
		assertThat(ids("visible=false")).as("nothing changed").containsExactlyInAnyOrder(a, b);

		assertThat(patch(Map.of("items", List.of(Map.of("messageId", a.toString(), "visible", true)))).statusCode())
			.isEqualTo(200);
		assertThat(ids("visible=false")).containsExactly(b);
		assertThat(evidence.timeline(a)).extracting(Evidence.Event::kind).containsSubsequence(Evidence.Kind.HIDDEN,
				Evidence.Kind.UNHIDDEN);

		for (String bad : List.of("{}", "{\"items\":[]}", "{\"items\":[{\"messageId\":\"" + a + "\"}]}", "[1,2]",
				"not json")) {
			var refused = http.send("PATCH", MESSAGES, token, "application/merge-patch+json", bad);
			assertThat(refused.statusCode()).as(bad).isEqualTo(400);
			contract.assertValidResponse("PATCH", MESSAGES, 400, "application/json", refused.body());
		}
	}

	@Test
	void theSummaryCountsWhatTheSoftwareMayRead() throws Exception {
		var empty = ok(EBOX);
		assertThat(empty.get("numberOfMessages").asInt()).isZero();
		assertThat(empty.has("lastReceiptDate")).isFalse();
		Instant newest = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		test.to(enterprise).publishedAt(newest.minus(1, ChronoUnit.HOURS)).insert();
		MessageId read = test.to(enterprise).publishedAt(newest).insert();
		jdbc.sql("UPDATE message SET first_read_at = CURRENT_TIMESTAMP WHERE id = ?").param(read.value()).update();
		test.to(enterprise).visibleFrom(newest.plus(1, ChronoUnit.DAYS)).insert();
		JsonNode summary = ok(EBOX);
		assertThat(summary.get("numberOfMessages").asInt()).isEqualTo(2);
		assertThat(summary.get("numberOfUnreadMessages").asInt()).isEqualTo(1);
		assertThat(java.time.OffsetDateTime.parse(summary.get("lastReceiptDate").asString()).toInstant()).isEqualTo(newest);
	}

	@Test
	void scopesDecideWhichPartTheSoftwareReaches() throws Exception {
		var client = clients.createForEnterprise(enterprise, "test");
		String summaryOnly = http.token(client.clientId(), client.secret(), Scopes.SUMMARY_OWN_EBOX);
		String messagesOnly = http.token(client.clientId(), client.secret(), Scopes.MESSAGES_FULL);
		assertThat(http.get(EBOX, summaryOnly).statusCode()).isEqualTo(200);
		var refused = http.get(MESSAGES, summaryOnly);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(http.get(MESSAGES, messagesOnly).statusCode()).isEqualTo(200);
		assertThat(http.get(EBOX, messagesOnly).statusCode()).isEqualTo(403);
		var anonymous = http.get(MESSAGES, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		contract.assertValidResponse("GET", MESSAGES, 401, "application/json", anonymous.body());
		String senderToken = http.token(DemoReferenceData.CLIENT_ID, SECRET, Scopes.PUBLICATION_SENDER);
		assertThat(http.get(MESSAGES, senderToken).statusCode()).as("a sender reads no e-Box").isEqualTo(403);
	}

	private HttpResponse<String> patch(Object body) throws Exception {
		return http.send("PATCH", MESSAGES, token, "application/merge-patch+json", http.write(body));
	}

	private JsonNode ok(String path) throws Exception {
		var response = http.get(path, token);
		assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
		contract.assertValidResponse("GET", path.replaceFirst("\\?.*", ""), 200, "application/json", response.body());
		return http.body(response);
	}

	private List<MessageId> ids(String query) throws Exception {
		JsonNode page = ok(MESSAGES + "?pageSize=100&" + query);
		assertThat(page.get("totalItems").asInt()).isEqualTo(page.get("items").size());
		var ids = new java.util.ArrayList<MessageId>();
		page.get("items").forEach(item -> ids.add(MessageId.parse(item.get("messageId").asString()).orElseThrow()));
		return ids;
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
