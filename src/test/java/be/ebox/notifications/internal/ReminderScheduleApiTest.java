package be.ebox.notifications.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.Scopes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A sender sets the reminder schedule of its own message types over the API, and only of those. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReminderScheduleApiTest {

	static final String SECRET = "demo-secret-for-tests";

	@LocalServerPort
	int port;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	ReminderSchedules schedules;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theSenderSetsReadsAndClearsTheScheduleOfItsType() throws Exception {
		demo.install(SECRET);
		String token = token();
		String path = "/api/v1/messageTypes/" + DemoReferenceData.TASK_TYPE + "/reminderSchedule";

		var put = send("PUT", path, token, "{\"daysBeforeDue\":[3,10,3]}");
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		assertThat(put.body()).isEqualTo("{\"daysBeforeDue\":[3,10]}");
		assertThat(schedules.daysBeforeDue(new MessageTypeId(DemoReferenceData.TASK_TYPE))).contains(List.of(3, 10));
		assertThat(send("GET", path, token, null).body()).isEqualTo("{\"daysBeforeDue\":[3,10]}");

		var invalid = send("PUT", path, token, "{\"daysBeforeDue\":[-1]}");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
		assertThat(send("PUT", path, token, "{\"daysBeforeDue\":\"soon\"}").statusCode()).isEqualTo(400);
		assertThat(schedules.daysBeforeDue(new MessageTypeId(DemoReferenceData.TASK_TYPE))).as("unchanged").contains(List.of(3, 10));

		assertThat(send("PUT", "/api/v1/messageTypes/SomeoneElsesType/reminderSchedule", token, "{\"daysBeforeDue\":[1]}")
			.statusCode()).isEqualTo(404);
		assertThat(send("GET", path, null, null).statusCode()).isEqualTo(401);

		assertThat(send("PUT", path, token, "{\"daysBeforeDue\":[]}").body()).isEqualTo("{\"daysBeforeDue\":[]}");
		assertThat(schedules.daysBeforeDue(new MessageTypeId(DemoReferenceData.TASK_TYPE))).isEmpty();
		assertThat(send("GET", "/api/v1/reminder-schedules.yaml", null, null).statusCode()).isEqualTo(200);
	}

	private String token() throws Exception {
		String basic = Base64.getEncoder().encodeToString((DemoReferenceData.CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
					+ URLEncoder.encode(Scopes.PUBLICATION_SENDER, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		var matcher = java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}
}
