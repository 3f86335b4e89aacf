package be.ebox.messages.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import be.ebox.access.Reader;
import be.ebox.messages.Evidence;
import be.ebox.messages.Message;
import be.ebox.messages.MessageActions;
import be.ebox.messages.MessageId;
import be.ebox.messages.Messages;
import be.ebox.senders.MachineClaims;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our extensions under {@code /api/v1/messages} (described in {@code /api/v1/openapi.yaml}): publication with a later
 * visibility, a due date and a required acknowledgement; the delivery evidence of a message for the sender
 * application that published it; acknowledgement and task state for the enterprise's software.
 */
@RestController
class ExtensionApi {

	static final String MESSAGES = "/api/v1/messages";

	static final String DELIVERY_PART = "delivery";

	private static final Set<String> DELIVERY_FIELDS = Set.of("visibleFrom", "dueDate", "acknowledgementRequired");

	private final PublicationParts parts;

	private final Publisher publisher;

	private final Messages messages;

	private final Evidence evidence;

	private final MessageActions actions;

	private final SoftwareReaders readers;

	private final JsonMapper json;

	ExtensionApi(PublicationParts parts, Publisher publisher, Messages messages, Evidence evidence,
			MessageActions actions, SoftwareReaders readers, JsonMapper json) {
		this.parts = parts;
		this.publisher = publisher;
		this.messages = messages;
		this.evidence = evidence;
		this.actions = actions;
		this.readers = readers;
		this.json = json;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Published(String messageId, String expirationDate, String visibleFrom, String dueDate,
			boolean acknowledgementRequired, String code) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DeliveryEvidence(String messageId, String recipient, String messageTypeId, String publishedAt,
			String visibleFrom, String expiresAt, String dueDate, boolean acknowledgementRequired, List<Event> events) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Event(String at, String kind, String actorKind, String actor, String actorEnterprise, Document document) {
	}

	record Document(int position, String fileName) {
	}

	/** The contract's multipart publication plus an optional JSON part {@code delivery}. */
	@PostMapping(path = MESSAGES, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Published> publish(HttpServletRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@AuthenticationPrincipal Jwt jwt) throws IOException, ServletException {
		var received = parts.read(request, Set.of(DELIVERY_PART));
		var delivery = delivery(received.extras().get(DELIVERY_PART));
		var result = publisher.publish(MachineClaims.of(jwt.getClaims()), received.json(), received.files(),
				idempotencyKey, delivery);
		Message stored = messages.find(result.id()).orElseThrow();
		return ResponseEntity.created(URI.create(MESSAGES + "/" + result.id() + "/evidence"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Published(result.id().toString(), time(result.expiresAt()), time(stored.visibleFrom()),
					stored.dueDate() == null ? null : stored.dueDate().toString(), stored.acknowledgementRequired(),
					result.code()));
	}

	/** The timeline of a message for the sender application that published it; for anyone else it does not exist. */
	@GetMapping(path = MESSAGES + "/{messageId}/evidence", produces = MediaType.APPLICATION_JSON_VALUE)
	DeliveryEvidence evidence(@PathVariable String messageId, @AuthenticationPrincipal Jwt jwt) {
		var application = MachineClaims.of(jwt.getClaims()).application();
		Message m = MessageId.parse(messageId)
			.flatMap(messages::find)
			.filter(found -> application.isPresent() && found.senderApplication().equals(application.get()))
			.orElseThrow(() -> ConsultationRefused.notFound("Message"));
		var events = evidence.timeline(m.id()).stream().map(e -> event(m, e)).toList();
		return new DeliveryEvidence(m.id().toString(), m.recipient().digits(), m.messageType().value(),
				time(m.publishedAt()), time(m.visibleFrom()), time(m.expiresAt()),
				m.dueDate() == null ? null : m.dueDate().toString(), m.acknowledgementRequired(), events);
	}

	@PostMapping(MESSAGES + "/{messageId}/acknowledgement")
	ResponseEntity<Void> acknowledge(@PathVariable String messageId, @AuthenticationPrincipal Jwt jwt) {
		return act(messageId, jwt, actions::acknowledge, "The sender asked for no acknowledgement of this message");
	}

	@PutMapping(MESSAGES + "/{messageId}/done")
	ResponseEntity<Void> done(@PathVariable String messageId, @AuthenticationPrincipal Jwt jwt) {
		return act(messageId, jwt, actions::markDone, "This message is not a task");
	}

	@DeleteMapping(MESSAGES + "/{messageId}/done")
	ResponseEntity<Void> reopen(@PathVariable String messageId, @AuthenticationPrincipal Jwt jwt) {
		return act(messageId, jwt, actions::reopen, "This message is not a task");
	}

	private interface Action {

		boolean apply(Reader reader, MessageId id);
	}

	/** 404 when the software may not read the message; 409 when it may but the action does not apply to it. */
	private ResponseEntity<Void> act(String messageId, Jwt jwt, Action action, String notApplicable) {
		Reader reader = readers.of(jwt);
		MessageId id = MessageId.parse(messageId)
			.filter(parsed -> messages.findFor(reader, parsed).isPresent())
			.orElseThrow(() -> ConsultationRefused.notFound("Message"));
		if (!action.apply(reader, id)) {
			throw new ConsultationRefused(HttpStatus.CONFLICT, "NOT_APPLICABLE", notApplicable);
		}
		return ResponseEntity.noContent().build();
	}

	private static Event event(Message m, Evidence.Event e) {
		Document document = e.attachmentPosition() == null ? null
				: m.attachments()
					.stream()
					.filter(a -> a.position() == e.attachmentPosition())
					.findFirst()
					.map(a -> new Document(a.position(), a.fileName()))
					.orElse(new Document(e.attachmentPosition(), null));
		return new Event(time(e.at()), e.kind().name(), e.actorKind(), e.actor(), e.actorEnterprise(), document);
	}

	/** The optional part {@code delivery}: unknown fields are refused, a typo must not publish at once silently. */
	private Publisher.Schedule delivery(String text) {
		if (text == null) {
			return Publisher.Schedule.NONE;
		}
		JsonNode node;
		try {
			node = json.readTree(text);
		}
		catch (JacksonException ex) {
			throw PublicationRefused.invalid("INVALID_DATA", "The part delivery is not valid JSON");
		}
		if (node == null || !node.isObject()) {
			throw PublicationRefused.invalid("INVALID_DATA", "The part delivery must be a JSON object");
		}
		for (String name : node.propertyNames()) {
			if (!DELIVERY_FIELDS.contains(name)) {
				throw PublicationRefused.invalid("INVALID_DATA",
						"The part delivery has an unknown field " + name + "; known: " + DELIVERY_FIELDS);
			}
		}
		Instant visibleFrom = null;
		LocalDate dueDate = null;
		try {
			if (node.hasNonNull("visibleFrom")) {
				visibleFrom = OffsetDateTime.parse(node.get("visibleFrom").asString()).toInstant();
			}
		}
		catch (DateTimeParseException ex) {
			throw PublicationRefused.invalid("INVALID_DATA", "visibleFrom must be a date-time like 2026-12-01T08:00:00+01:00");
		}
		try {
			if (node.hasNonNull("dueDate")) {
				dueDate = LocalDate.parse(node.get("dueDate").asString());
			}
		}
		catch (DateTimeParseException ex) {
			throw PublicationRefused.invalid("INVALID_DATA", "dueDate must be a date like 2026-12-15");
		}
		JsonNode ack = node.get("acknowledgementRequired");
		if (ack != null && !ack.isNull() && !ack.isBoolean()) {
			throw PublicationRefused.invalid("INVALID_DATA", "acknowledgementRequired must be true or false");
		}
		return new Publisher.Schedule(visibleFrom, dueDate, ack != null && ack.asBoolean());
	}

	private static String time(Instant instant) {
		return ConsultationJson.time(instant);
	}
}
