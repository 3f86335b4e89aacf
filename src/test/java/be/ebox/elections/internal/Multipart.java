package be.ebox.elections.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import be.ebox.WebSession;

/** A multipart form post with the CSRF token of the session's last page. */
final class Multipart {

	private Multipart() {
	}

	static HttpResponse<String> post(WebSession web, String path, Map<String, String> fields, String fileField,
			String fileName, String contentType, byte[] content) throws IOException {
		String boundary = "----elections" + UUID.randomUUID();
		var body = new ByteArrayOutputStream();
		var all = new java.util.LinkedHashMap<String, String>(fields);
		all.put("_csrf", web.csrf());
		for (var field : all.entrySet()) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}
}
