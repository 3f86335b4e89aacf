package be.ebox.messages.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.ebox.access.Reader;
import be.ebox.documents.BlobStore;
import be.ebox.messages.Message;
import be.ebox.messages.MessageActions;
import be.ebox.messages.MessageId;
import be.ebox.messages.MessagePage;
import be.ebox.messages.ReadableMessage;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The consultation part of the contract for an enterprise's software: {@code /ebox} and {@code /ebox/messages/**} of
 * the e-Box its token names. Every lookup goes through the reading core with the caller's {@link Reader}, so a message
 * of another e-Box, not visible yet, expired, or of a type the caller may not read is a 404 like an unknown id.
 */
@RestController
class ConsultationApi {

	static final String EBOX = ConsultationAccess.REGISTRY + "/ebox";

	static final String MESSAGES = EBOX + "/messages";

	static final int MAX_UPDATES = 100;

	private final SoftwareReaders readers;

	private final JdbcMessages messages;

	private final MessageActions actions;

	private final ConsultationQueries queries;

	private final ConsultationJson json;

	private final BlobStore blobs;

	private final TransactionTemplate transaction;

	ConsultationApi(SoftwareReaders readers, JdbcMessages messages, MessageActions actions, ConsultationQueries queries,
			ConsultationJson json, BlobStore blobs, TransactionTemplate transaction) {
		this.readers = readers;
		this.messages = messages;
		this.actions = actions;
		this.queries = queries;
		this.json = json;
		this.blobs = blobs;
		this.transaction = transaction;
	}

	@GetMapping(path = EBOX, produces = MediaType.APPLICATION_JSON_VALUE)
	ConsultationJson.Ebox ebox(@AuthenticationPrincipal Jwt jwt) {
		return json.ebox(queries.summary(readers.of(jwt)));
	}

	@GetMapping(path = MESSAGES, produces = MediaType.APPLICATION_JSON_VALUE)
	ConsultationJson.Messages list(@RequestParam Map<String, String> query, @AuthenticationPrincipal Jwt jwt) {
		Reader reader = readers.of(jwt);
		ListParameters parameters = ListParameters.parse(query);
		// the JSON parts come with the page's rows: no third query for them
		MessageListing.Listing listing = messages.list(reader, parameters.filter(), parameters.page(),
				parameters.pageSize());
		MessagePage page = listing.page();
		ConsultationJson.Links links = json.links();
		return new ConsultationJson.Messages(page.items()
			.stream()
			.map(m -> json.message(m, listing.extras().getOrDefault(m.id().value(), ConsultationQueries.Extras.NONE),
					links))
			.toList(), page.total());
	}

	@GetMapping(path = MESSAGES + "/{messageId}", produces = MediaType.APPLICATION_JSON_VALUE)
	ConsultationJson.MessageJson message(@PathVariable String messageId, @AuthenticationPrincipal Jwt jwt) {
		ReadableMessage found = find(readers.of(jwt), messageId);
		return json.message(found, queries.extras(List.of(found.id()))
			.getOrDefault(found.id().value(), ConsultationQueries.Extras.NONE), json.links());
	}

	@GetMapping(path = MESSAGES + "/{messageId}/attachments", produces = MediaType.APPLICATION_JSON_VALUE)
	ConsultationJson.Attachments attachments(@PathVariable String messageId, @AuthenticationPrincipal Jwt jwt) {
		return json.attachments(find(readers.of(jwt), messageId).message(), json.links());
	}

	@GetMapping(path = MESSAGES + "/{messageId}/attachments/{attachmentId}", produces = MediaType.APPLICATION_JSON_VALUE)
	ConsultationJson.Attachment attachment(@PathVariable String messageId, @PathVariable String attachmentId,
			@AuthenticationPrincipal Jwt jwt) {
		Message message = find(readers.of(jwt), messageId).message();
		return json.attachment(message, attachment(message, attachmentId), json.links());
	}

	/**
	 * The bytes of a document, streamed from the blob store. The download is recorded (and the message marked read
	 * when it is the main content) before the first byte leaves: the evidence says "delivered to", not "fully read".
	 */
	@GetMapping(path = MESSAGES + "/{messageId}/attachments/{attachmentId}/content")
	ResponseEntity<InputStreamResource> content(@PathVariable String messageId, @PathVariable String attachmentId,
			@AuthenticationPrincipal Jwt jwt) {
		Reader reader = readers.of(jwt);
		Message message = find(reader, messageId).message();
		Message.Attachment attachment = attachment(message, attachmentId);
		if (!actions.downloadAttachment(reader, message.id(), attachment.position())) {
			throw ConsultationRefused.notFound("Attachment");
		}
		InputStream bytes = blobs.get(attachment.sha256());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.mediaType()))
			.contentLength(attachment.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new InputStreamResource(bytes));
	}

	/** The body per language; opening it marks the message read when the body is its main content. */
	@GetMapping(path = MESSAGES + "/{messageId}/body", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, String> body(@PathVariable String messageId, @AuthenticationPrincipal Jwt jwt) {
		Reader reader = readers.of(jwt);
		Message message = find(reader, messageId).message();
		var bodies = new LinkedHashMap<String, String>();
		message.contents().values().stream().filter(c -> c.body() != null).forEach(c -> bodies.put(c.language(), c.body()));
		if (bodies.isEmpty()) {
			throw ConsultationRefused.notFound("Body");
		}
		if (message.bodyMainContent()) {
			actions.openMainContent(reader, message.id());
		}
		return bodies;
	}

	@GetMapping(path = MESSAGES + "/{messageId}/paymentData", produces = MediaType.APPLICATION_JSON_VALUE)
	JsonNode paymentData(@PathVariable String messageId, @AuthenticationPrincipal Jwt jwt) {
		ReadableMessage found = find(readers.of(jwt), messageId);
		return Optional.ofNullable(queries.extras(List.of(found.id())).get(found.id().value()))
			.map(ConsultationQueries.Extras::paymentData)
			.map(json::node)
			.orElseThrow(() -> ConsultationRefused.notFound("PaymentData"));
	}

	/** Contract {@code MessagesToUpdate}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record MessagesToUpdate(List<MessageToUpdate> items, Integer totalItems) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record MessageToUpdate(String messageId, Boolean visible) {
	}

	/**
	 * Hides and unhides messages, all or none: one unknown id (404) or bad item (400) changes nothing. Each change is
	 * recorded in the evidence; setting what already is changes nothing.
	 */
	@PatchMapping(path = MESSAGES, consumes = { "application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<Void> update(@RequestBody(required = false) MessagesToUpdate update, @AuthenticationPrincipal Jwt jwt) {
		Reader reader = readers.of(jwt);
		if (update == null || update.items() == null || update.items().isEmpty()) {
			throw ConsultationRefused.invalid("items must list at least one message to update");
		}
		if (update.items().size() > MAX_UPDATES) {
			throw ConsultationRefused.invalid("At most " + MAX_UPDATES + " messages may be updated at once");
		}
		var changes = new ArrayList<MessageToUpdate>();
		for (MessageToUpdate item : update.items()) {
			if (item == null || item.messageId() == null || item.visible() == null) {
				throw ConsultationRefused.invalid("Every item needs a messageId and visible (true or false)");
			}
			changes.add(item);
		}
		transaction.executeWithoutResult(status -> {
			for (MessageToUpdate change : changes) {
				MessageId id = MessageId.parse(change.messageId()).orElseThrow(() -> ConsultationRefused.notFound("Message"));
				boolean done = change.visible() ? actions.unhide(reader, id) : actions.hide(reader, id);
				if (!done) {
					throw ConsultationRefused.notFound("Message " + id);
				}
			}
		});
		return ResponseEntity.ok().build();
	}

	private ReadableMessage find(Reader reader, String messageId) {
		return MessageId.parse(messageId)
			.flatMap(id -> messages.findFor(reader, id))
			.orElseThrow(() -> ConsultationRefused.notFound("Message"));
	}

	private static Message.Attachment attachment(Message message, String attachmentId) {
		return message.attachments()
			.stream()
			.filter(a -> String.valueOf(a.position()).equals(attachmentId))
			.findFirst()
			.orElseThrow(() -> ConsultationRefused.notFound("Attachment"));
	}
}
