package be.ebox.messages;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.ebox.messages.Multipart.Part;
import be.ebox.registry.EnterpriseNumber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP calls of machines against a running test server: tokens, publication, JSON requests. */
final class MachineHttp {

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	MachineHttp(int port) {
		this.port = port;
	}

	String token(String clientId, String secret, String scope) throws Exception {
		var response = tokenResponse(clientId, secret, scope);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("access_token").asString();
	}

	HttpResponse<String> tokenResponse(String clientId, String secret, String scope) throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
					+ URLEncoder.encode(scope, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path, String bearer) throws Exception {
		return http.send(request(path, bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<byte[]> getBytes(String path, String bearer) throws Exception {
		return http.send(request(path, bearer).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	HttpResponse<String> send(String method, String path, String bearer, String contentType, String body)
			throws Exception {
		var request = request(path, bearer);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> multipart(String path, String bearer, Part... parts) throws Exception {
		var multipart = Multipart.of(new ArrayList<>(List.of(parts)));
		return http.send(request(path, bearer).header("Content-Type", multipart.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A minimal valid {@code messageToPublish} for the recipient: subject in three languages, body as main content. */
	Map<String, Object> message(EnterpriseNumber recipient, String type) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("recipient", Map.of("eboxType", "enterprise", "eboxIdValue", recipient.digits()));
		message.put("subject", Map.of("nl", "Onderwerp", "fr", "Sujet", "de", "Betreff"));
		message.put("messageTypeId", type);
		message.put("bodyContent", Map.of("fr", "Corps"));
		message.put("bodyMainContent", true);
		message.put("replyAuthorized", false);
		return message;
	}

	JsonNode body(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	String write(Object value) {
		return json.writeValueAsString(value);
	}

	private HttpRequest.Builder request(String path, String bearer) {
		var request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, */*");
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return request;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}
