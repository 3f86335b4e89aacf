package be.ebox.messages.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.ebox.documents.MediaTypes;
import be.ebox.messages.Message;
import be.ebox.messages.PublicationException;
import be.ebox.messages.Publications;
import be.ebox.senders.MachineClaims;
import be.ebox.senders.ReferenceData;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publication from inside the platform through the same {@link Publisher} as the API, so every rule applies alike:
 * the message is written as the contract's {@code MessageToPublish} and its documents as already stored file parts.
 */
@Service
class PlatformPublications implements Publications {

	private final Publisher publisher;

	private final ReferenceData referenceData;

	private final JsonMapper json;

	PlatformPublications(Publisher publisher, ReferenceData referenceData, JsonMapper json) {
		this.publisher = publisher;
		this.referenceData = referenceData;
		this.json = json;
	}

	@Override
	public Published publish(Outgoing message) {
		var application = referenceData.findApplication(message.application())
			.orElseThrow(() -> new PublicationException(SenderCheck.INVALID_SENDER,
					"The sender application " + message.application().value() + " is not registered"));
		var claims = new MachineClaims("platform:" + message.application().value(), Optional.of(message.application()),
				Optional.of(application.organisation()), Optional.empty());
		var files = new LinkedHashMap<String, UploadedFile>();
		var attachments = new ArrayList<MessageToPublish.AttachmentToPublish>();
		for (var document : message.documents()) {
			if (!MediaTypes.CONTRACT_ATTACHMENT_TYPES.contains(document.blob().mediaType())) {
				throw new PublicationException("INVALID_FILE_TYPE", "The document " + document.fileName() + " is of type "
						+ document.blob().mediaType() + ", which a message may not carry");
			}
			String part = "upfile" + (files.size() + 1);
			files.put(part, new UploadedFile(part, document.fileName(), document.blob().mediaType(), document.blob()));
			attachments.add(new MessageToPublish.AttachmentToPublish(false, translated(document.titles()),
					new MessageToPublish.Digest("sha_256", document.blob().digestBase64Url()), part,
					document.mainContent()));
		}
		var request = new MessageToPublish(
				new MessageToPublish.EboxId("enterprise", message.recipient().digits()), subjects(message.contents()),
				bodies(message.contents()), message.bodyMainContent(), businessData(message.businessData()),
				message.expiresAt() == null ? null
						: java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
							.format(message.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
								.atOffset(java.time.ZoneOffset.UTC)),
				null,
				message.type().value(), null, null, false, message.replyAuthorized(), message.application().value(),
				application.organisation().digits(), attachments);
		try {
			var result = publisher.publish(claims, json.writeValueAsString(request), files, message.idempotencyKey(),
					new Publisher.Schedule(message.visibleFrom(), message.dueDate(), message.acknowledgementRequired()));
			return new Published(result.id(), result.expiresAt(), result.code());
		}
		catch (PublicationRefused ex) {
			throw new PublicationException(ex.code(), ex.getMessage());
		}
	}

	private static MessageToPublish.Translated subjects(Map<String, Message.Content> contents) {
		return new MessageToPublish.Translated(subject(contents, "nl"), subject(contents, "fr"), subject(contents, "de"),
				subject(contents, "en"));
	}

	private static MessageToPublish.Translated bodies(Map<String, Message.Content> contents) {
		return new MessageToPublish.Translated(body(contents, "nl"), body(contents, "fr"), body(contents, "de"),
				body(contents, "en"));
	}

	private static String subject(Map<String, Message.Content> contents, String language) {
		var content = contents.get(language);
		return content == null ? null : content.subject();
	}

	private static String body(Map<String, Message.Content> contents, String language) {
		var content = contents.get(language);
		return content == null ? null : content.body();
	}

	private static MessageToPublish.Translated translated(Map<String, String> titles) {
		return titles.isEmpty() ? null
				: new MessageToPublish.Translated(titles.get("nl"), titles.get("fr"), titles.get("de"), titles.get("en"));
	}

	private List<MessageToPublish.BusinessData> businessData(Map<String, String> values) {
		if (values.isEmpty()) {
			return null;
		}
		return values.entrySet()
			.stream()
			.map(e -> new MessageToPublish.BusinessData(e.getKey(), null, null,
					json.valueToTree(List.of(Map.of("nl", e.getValue(), "fr", e.getValue(), "de", e.getValue())))))
			.toList();
	}
}
