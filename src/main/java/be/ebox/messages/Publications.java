package be.ebox.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import be.ebox.documents.StoredBlob;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;

/**
 * Publication from inside the platform (sender console, campaigns, demo data) with the same rules as
 * {@code /publishMessage}: the application must own the message type, the recipient must be in the registry, the
 * documents must be of an allowed type, an Idempotency-Key makes a retry return the first result.
 */
public interface Publications {

	/** @throws PublicationException when a rule refuses the message; nothing is stored then */
	Published publish(Outgoing message);

	/**
	 * A message to publish on behalf of a sender application.
	 * @param contents subject and body per language (nl, fr, de, en); at least one subject
	 * @param documents already in the blob store (stored once, however many messages share them)
	 * @param visibleFrom null: visible at once
	 * @param dueDate a task's due date, else null
	 * @param businessData values by key, in every language alike; keys must be allowed by the message type
	 * @param idempotencyKey null, or a key that makes a repeated call return the first result
	 * @param expiresAt null: the type's validity period from the time it becomes visible; else an earlier expiry (the
	 * contract's {@code expirationDate}), never a later one
	 */
	record Outgoing(SenderApplicationId application, EnterpriseNumber recipient, MessageTypeId type,
			Map<String, Message.Content> contents, boolean bodyMainContent, List<Document> documents,
			Instant visibleFrom, LocalDate dueDate, boolean acknowledgementRequired, boolean replyAuthorized,
			Map<String, String> businessData, String idempotencyKey, Instant expiresAt) {

		/** A message that expires after its type's validity period. */
		public Outgoing(SenderApplicationId application, EnterpriseNumber recipient, MessageTypeId type,
				Map<String, Message.Content> contents, boolean bodyMainContent, List<Document> documents,
				Instant visibleFrom, LocalDate dueDate, boolean acknowledgementRequired, boolean replyAuthorized,
				Map<String, String> businessData, String idempotencyKey) {
			this(application, recipient, type, contents, bodyMainContent, documents, visibleFrom, dueDate,
					acknowledgementRequired, replyAuthorized, businessData, idempotencyKey, null);
		}

		public Outgoing {
			Objects.requireNonNull(application, "application");
			Objects.requireNonNull(recipient, "recipient");
			Objects.requireNonNull(type, "type");
			contents = Map.copyOf(contents);
			documents = List.copyOf(documents);
			businessData = businessData == null ? Map.of() : Map.copyOf(businessData);
		}

		/** A message with a body as its main content, visible at once, no due date, no acknowledgement. */
		public static Outgoing of(SenderApplicationId application, EnterpriseNumber recipient, MessageTypeId type,
				Map<String, Message.Content> contents, List<Document> documents) {
			return new Outgoing(application, recipient, type, contents, documents.isEmpty(), documents, null, null,
					false, false, Map.of(), null);
		}
	}

	/** A document of the message; the main one is its main content. */
	record Document(String fileName, StoredBlob blob, boolean mainContent, Map<String, String> titles) {

		public Document {
			Objects.requireNonNull(fileName, "fileName");
			Objects.requireNonNull(blob, "blob");
			titles = titles == null ? Map.of() : Map.copyOf(titles);
		}
	}

	/** @param code {@code NO_DIGITAL_USER} when the recipient's e-Box is not active, else null */
	record Published(MessageId id, Instant expiresAt, String code) {
	}
}
