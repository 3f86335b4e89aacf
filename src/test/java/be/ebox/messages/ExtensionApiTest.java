package be.ebox.messages;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import be.ebox.access.Reader;
import be.ebox.contract.MessageRegistryContract;
import be.ebox.messages.Multipart.Part;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.MachineClients;
import be.ebox.senders.Scopes;
import be.ebox.senders.SenderApplicationId;
import be.ebox.testsupport.TestEnterprises;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our /api/v1 extensions over HTTP: publication with delivery options, the evidence the sender fetches, the
 * acknowledgement and task state the enterprise's software sets, and the contract's /searchMessageStatus answering from
 * the same data. Every answer is checked against our own OpenAPI document, fetched from the running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExtensionApiTest {

	static final String SECRET = "demo-secret-for-tests";

	static final String V1 = "/api/v1/messages";

	static final String CONSULT = MessageRegistryContract.MOUNT + "/ebox/messages";

	@LocalServerPort
	int port;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	MachineClients clients;

	@Autowired
	Messages messages;

	@Autowired
	JdbcClient jdbc;

	MachineHttp http;

	OpenApiInteractionValidator openApi;

	EnterpriseNumber enterprise;

	String senderToken;

	String softwareToken;

	@BeforeEach
	void senderAndSoftware() throws Exception {
		demo.install(SECRET);
		http = new MachineHttp(port);
		var document = http.get("/api/v1/openapi.yaml", null);
		assertThat(document.statusCode()).as("served without a token").isEqualTo(200);
		openApi = OpenApiInteractionValidator.createForInlineApiSpecification(document.body()).build();
		enterprise = new TestEnterprises(jdbc).legalPerson("Extension SA", "Extensie NV");
		senderToken = http.token(DemoReferenceData.CLIENT_ID, SECRET, Scopes.PUBLICATION_SENDER);
		var software = clients.createForEnterprise(enterprise, "test");
		softwareToken = http.token(software.clientId(), software.secret(), Scopes.DOCUMENT_CONSUMER);
	}

	@Test
	void aMessagePublishedForLaterIsNotThereBeforeItsTime() throws Exception {
		var later = OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(2).truncatedTo(ChronoUnit.SECONDS);
		var response = publish(DemoReferenceData.UNPROTECTED_TYPE,
				Map.of("visibleFrom", later.toString(), "acknowledgementRequired", true));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertValid("POST", V1, response);
		assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/evidence");
		JsonNode body = http.body(response);
		assertThat(OffsetDateTime.parse(body.get("visibleFrom").asString()).toInstant()).isEqualTo(later.toInstant());
		assertThat(body.get("acknowledgementRequired").asBoolean()).isTrue();
		String id = body.get("messageId").asString();

		assertThat(http.get(CONSULT + "/" + id, softwareToken).statusCode()).isEqualTo(404);
		assertThat(messages.count(Reader.ofEverything(enterprise, Reader.Kind.PERSON, "manager"), MessageFilter.all()))
			.isZero();
		JsonNode evidence = evidence(id, senderToken);
		assertThat(evidence.get("events")).extracting(e -> e.get("kind").asString()).containsExactly("PUBLISHED");
	}

	@Test
	void theSenderFollowsWhatHappensToItsMessage() throws Exception {
		LocalDate due = LocalDate.now().plusDays(14);
		byte[] pdf = PublicationTest.PDF;
		Map<String, Object> message = http.message(enterprise, DemoReferenceData.TASK_TYPE);
		message.put("bodyMainContent", false);
		message.put("attachments", List.of(Map.of("httpPartName", "upfile1", "mainContent", true)));
		var response = http.multipart(V1, senderToken, Part.json(http.write(message)),
				new Part("delivery", null, "application/json",
						http.write(Map.of("dueDate", due.toString(), "acknowledgementRequired", true)).getBytes()),
				Part.file("upfile1", "formulaire.pdf", "application/pdf", pdf));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertValid("POST", V1, response);
		String id = http.body(response).get("messageId").asString();
		assertThat(http.body(response).get("dueDate").asString()).isEqualTo(due.toString());

		assertThat(http.getBytes(CONSULT + "/" + id + "/attachments/1/content", softwareToken).statusCode()).isEqualTo(200);
		assertThat(action("POST", id, "/acknowledgement").statusCode()).isEqualTo(204);
		assertThat(action("POST", id, "/acknowledgement").statusCode()).as("repeating changes nothing").isEqualTo(204);
		assertThat(action("PUT", id, "/done").statusCode()).isEqualTo(204);
		assertThat(action("DELETE", id, "/done").statusCode()).isEqualTo(204);
		assertThat(http.send("PATCH", CONSULT, softwareToken, "application/merge-patch+json",
				http.write(Map.of("items", List.of(Map.of("messageId", id, "visible", false))))).statusCode())
			.isEqualTo(200);

		JsonNode evidence = evidence(id, senderToken);
		assertThat(evidence.get("dueDate").asString()).isEqualTo(due.toString());
		assertThat(evidence.get("events")).extracting(e -> e.get("kind").asString()).containsExactly("PUBLISHED",
				"VISIBLE", "DOWNLOADED", "ACKNOWLEDGED", "DONE", "REOPENED", "HIDDEN");
		JsonNode download = evidence.get("events").get(2);
		assertThat(download.get("actorKind").asString()).isEqualTo("SOFTWARE");
		assertThat(download.get("actorEnterprise").asString()).isEqualTo(enterprise.digits());
		assertThat(download.get("document").get("fileName").asString()).isEqualTo("formulaire.pdf");

		// the contract's status search answers from the same state
		String statusPath = MessageRegistryContract.MOUNT + "/searchMessageStatus";
		var status = http.send("POST", statusPath, senderToken, "application/json", http.write(List.of(Map.of("messageId",
				id, "eboxId", Map.of("eboxType", "enterprise", "eboxIdValue", enterprise.digits())))));
		assertThat(status.statusCode()).as(status.body()).isEqualTo(201);
		MessageRegistryContract.validator().assertValidResponse("POST", statusPath, 201, "application/json", status.body());
		assertThat(http.body(status).get(0).get("readStatus").asBoolean()).isTrue();
		assertThat(http.body(status).get(0).get("visible").asBoolean()).isFalse();

		// another application of the same organisation sees nothing of it
		String other = "other.app." + enterprise.digits();
		jdbc.sql("""
				INSERT INTO sender_application (id, organisation, name_nl, name_fr, name_de, name_en, created_at,
					updated_at) VALUES (?, ?, 'A', 'A', 'A', 'A', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
			.params(other, DemoReferenceData.ORGANISATION).update();
		var otherClient = clients.createForApplication(new SenderApplicationId(other), "test");
		String otherToken = http.token(otherClient.clientId(), otherClient.secret(), Scopes.PUBLICATION_SENDER);
		var refused = http.get(V1 + "/" + id + "/evidence", otherToken);
		assertThat(refused.statusCode()).isEqualTo(404);
		assertValid("GET", V1 + "/" + id + "/evidence", refused);
		var otherStatus = http.send("POST", statusPath, otherToken, "application/json",
				http.write(List.of(Map.of("messageId", id))));
		assertThat(otherStatus.statusCode()).isEqualTo(404);
		MessageRegistryContract.validator().assertValidResponse("POST", statusPath, 404, "application/json",
				otherStatus.body());
		assertThat(http.get(V1 + "/" + id + "/evidence", softwareToken).statusCode()).as("not for readers")
			.isEqualTo(403);
	}

	@Test
	void deliveryOptionsAreChecked() throws Exception {
		var badOptions = List.<Map<String, Object>>of(Map.of("visibleFrom", "tomorrow"), Map.of("dueDate", "15/12/2026"),
				Map.of("acknowledgementRequired", "yes"), Map.of("visibleFom", "2030-01-01T00:00:00Z"),
				Map.of("visibleFrom", "2020-01-01T00:00:00Z"), Map.of("dueDate", "2030-01-01"));
		for (Map<String, Object> options : badOptions) {
			var response = publish(DemoReferenceData.UNPROTECTED_TYPE, options);
			assertThat(response.statusCode()).as(options + " " + response.body()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
			assertThat(http.body(response).get("code").asString()).isEqualTo("INVALID_DATA");
			assertValid("POST", V1, response);
		}
		var contractError = http.multipart(V1, senderToken, Part.json("{not json"));
		assertThat(http.body(contractError).get("code").asString()).isEqualTo("INVALID_DATA");
		assertValid("POST", V1, contractError);
	}

	@Test
	void softwareActsOnlyWhereItApplies() throws Exception {
		var plain = publish(DemoReferenceData.UNPROTECTED_TYPE, Map.of());
		String id = http.body(plain).get("messageId").asString();
		var notAsked = action("POST", id, "/acknowledgement");
		assertThat(notAsked.statusCode()).isEqualTo(409);
		assertValid("POST", V1 + "/" + id + "/acknowledgement", notAsked);
		assertThat(action("PUT", id, "/done").statusCode()).as("not a task").isEqualTo(409);

		var elsewhere = new TestEnterprises(jdbc).legalPerson("Autre SA", "Andere NV");
		Map<String, Object> theirs = http.message(elsewhere, DemoReferenceData.UNPROTECTED_TYPE);
		var other = http.multipart(V1, senderToken, Part.json(http.write(theirs)),
				new Part("delivery", null, "application/json", "{\"acknowledgementRequired\":true}".getBytes()));
		String theirId = http.body(other).get("messageId").asString();
		var notFound = action("POST", theirId, "/acknowledgement");
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertValid("POST", V1 + "/" + theirId + "/acknowledgement", notFound);
		assertThat(action("PUT", "nonsense", "/done").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> publish(String type, Map<String, Object> delivery) throws Exception {
		return http.multipart(V1, senderToken, Part.json(http.write(http.message(enterprise, type))),
				new Part("delivery", null, "application/json", http.write(delivery).getBytes()));
	}

	private HttpResponse<String> action(String method, String id, String path) throws Exception {
		return http.send(method, V1 + "/" + id + path, softwareToken, null, null);
	}

	private JsonNode evidence(String id, String token) throws Exception {
		var response = http.get(V1 + "/" + id + "/evidence", token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertValid("GET", V1 + "/" + id + "/evidence", response);
		return http.body(response);
	}

	private void assertValid(String method, String path, HttpResponse<String> response) {
		var builder = SimpleResponse.Builder.status(response.statusCode());
		response.headers().firstValue("Content-Type").ifPresent(builder::withContentType);
		if (!response.body().isEmpty()) {
			builder.withBody(response.body());
		}
		var report = openApi.validateResponse(path, Request.Method.valueOf(method), builder.build());
		assertThat(report.getMessages()).as(method + " " + path + " " + response.body()).isEmpty();
	}
}
