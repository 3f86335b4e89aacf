package be.ebox.inbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.ebox.documents.BlobStore;
import be.ebox.messages.Message;
import be.ebox.messages.MessageId;
import be.ebox.messages.Publications;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;

/** Messages published the real way (the demo sender, real documents in the blob store) into a test e-Box. */
final class InboxTestData {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	static final String HOSTILE = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\">";

	static final byte[] HTML = ("<!DOCTYPE html><html><body><script>document.cookie</script>" + HOSTILE + "</body></html>")
		.getBytes(StandardCharsets.UTF_8);

	private final Publications publications;

	private final BlobStore blobs;

	InboxTestData(Publications publications, BlobStore blobs) {
		this.publications = publications;
		this.blobs = blobs;
	}

	Draft to(EnterpriseNumber recipient) {
		return new Draft(recipient);
	}

	final class Draft {

		private final EnterpriseNumber recipient;

		private String type = DemoReferenceData.UNPROTECTED_TYPE;

		private final Map<String, Message.Content> contents = new LinkedHashMap<>();

		private final List<Publications.Document> documents = new ArrayList<>();

		private LocalDate dueDate;

		private boolean acknowledgement;

		private boolean replies;

		private final Map<String, String> businessData = new LinkedHashMap<>();

		Draft(EnterpriseNumber recipient) {
			this.recipient = recipient;
		}

		Draft type(String type) {
			this.type = type;
			return this;
		}

		Draft content(String language, String subject, String body) {
			contents.put(language, new Message.Content(language, subject, body));
			return this;
		}

		/** The first document added is the main content. */
		Draft document(String fileName, byte[] bytes) {
			documents.add(new Publications.Document(fileName, blobs.store(new ByteArrayInputStream(bytes)),
					documents.isEmpty(), Map.of()));
			return this;
		}

		Draft task(LocalDate due) {
			this.type = DemoReferenceData.TASK_TYPE;
			this.dueDate = due;
			return this;
		}

		Draft acknowledgementRequired() {
			this.acknowledgement = true;
			return this;
		}

		/** A value the message type allows (the demo's protected types allow {@code dossierNumber}). */
		Draft businessData(String key, String value) {
			businessData.put(key, value);
			return this;
		}

		Draft repliesAllowed() {
			this.replies = true;
			return this;
		}

		MessageId publish() {
			return publications.publish(new Publications.Outgoing(new SenderApplicationId(DemoReferenceData.APPLICATION),
					recipient, new MessageTypeId(type), contents, documents.isEmpty(), documents, null, dueDate,
					acknowledgement, replies, businessData, null)).id();
		}
	}
}
