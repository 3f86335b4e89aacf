package be.ebox.messages;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Builds a multipart/form-data body with its parts in exactly the order given (the JDK client has no builder). */
record Multipart(String boundary, byte[] body) {

	/** A part: a form field when {@code fileName} is null. */
	record Part(String name, String fileName, String contentType, byte[] content) {

		static Part json(String text) {
			return new Part("messageToPublish", null, "application/json", text.getBytes(StandardCharsets.UTF_8));
		}

		static Part file(String name, String fileName, String contentType, byte[] content) {
			return new Part(name, fileName, contentType, content);
		}
	}

	static Multipart of(List<Part> parts) {
		String boundary = "ebox-" + UUID.randomUUID();
		var out = new ByteArrayOutputStream();
		for (Part part : parts) {
			var head = new StringBuilder("--").append(boundary).append("\r\n")
				.append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
			if (part.fileName() != null) {
				head.append("; filename=\"").append(part.fileName()).append('"');
			}
			head.append("\r\nContent-Type: ").append(part.contentType()).append("\r\n\r\n");
			out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
			out.writeBytes(part.content());
			out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new Multipart(boundary, out.toByteArray());
	}

	String contentType() {
		return "multipart/form-data; boundary=" + boundary;
	}
}
