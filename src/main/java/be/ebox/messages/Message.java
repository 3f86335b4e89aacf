package be.ebox.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageKind;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;

/**
 * A message published into an enterprise's e-Box.
 * @param contents subject and body per language ({@code nl}, {@code fr}, {@code de}, {@code en})
 * @param isProtected copied from the message type at publication: reading it needs a specific grant
 * @param visibleFrom when the recipient may see it (the publication time unless published for later)
 * @param dueDate for tasks, else null
 * @param publicationCode what the publication answered besides the id ({@code NO_DIGITAL_USER}), or null
 */
public record Message(MessageId id, EnterpriseNumber recipient, EnterpriseNumber senderOrganisation,
		SenderApplicationId senderApplication, MessageTypeId messageType, MessageKind kind, Instant publishedAt,
		Instant visibleFrom, Instant expiresAt, LocalDate dueDate, boolean acknowledgementRequired, boolean isProtected,
		boolean bodyMainContent, boolean replyAuthorized, boolean registeredMail, String originalMessageId,
		Map<String, Content> contents, List<Attachment> attachments, String publicationCode) {

	/** Subject (at most 255 characters) and body of one language; either may be null. */
	public record Content(String language, String subject, String body) {
	}

	/**
	 * A document of the message, its bytes in the blob store under {@code sha256} (lower-case hex).
	 * @param titles attachment title per language, only the languages given
	 */
	public record Attachment(int position, String httpPartName, String fileName, String mediaType, long size,
			String sha256, boolean mainContent, boolean signed, Map<String, String> titles) {
	}
}
