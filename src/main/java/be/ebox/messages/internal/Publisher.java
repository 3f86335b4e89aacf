package be.ebox.messages.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.documents.Digests;
import be.ebox.enrolment.EboxState;
import be.ebox.enrolment.Enrolment;
import be.ebox.messages.Message;
import be.ebox.messages.MessageId;
import be.ebox.messages.MessagePublished;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.EnterpriseRegistry;
import be.ebox.senders.MachineClaims;
import be.ebox.senders.MessageKind;
import be.ebox.senders.MessageType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a publication against the contract and the reference data and stores it in one transaction (message,
 * contents, attachments, audit record). The checks of the sender live in {@link SenderCheck}.
 */
@Service
class Publisher {

	static final String NO_DIGITAL_USER = "NO_DIGITAL_USER";

	static final int MAX_SUBJECT = 255;

	private static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");

	private final JsonMapper json;

	private final SenderCheck senders;

	private final EnterpriseRegistry registry;

	private final Enrolment enrolment;

	private final JdbcMessages messages;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Publisher(JsonMapper json, SenderCheck senders, EnterpriseRegistry registry, Enrolment enrolment,
			JdbcMessages messages, AuditTrail audit, TransactionTemplate transaction, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.json = json;
		this.senders = senders;
		this.registry = registry;
		this.enrolment = enrolment;
		this.messages = messages;
		this.audit = audit;
		this.transaction = transaction;
		this.clock = clock;
	}

	record Result(MessageId id, Instant expiresAt, String code) {
	}

	/**
	 * What our extensions add to a publication.
	 * @param visibleFrom null: at once
	 * @param dueDate for tasks, else null
	 */
	record Schedule(Instant visibleFrom, LocalDate dueDate, boolean acknowledgementRequired) {

		static final Schedule NONE = new Schedule(null, null, false);
	}

	Result publish(MachineClaims claims, String jsonPart, Map<String, UploadedFile> files, String idempotencyKey) {
		return publish(claims, jsonPart, files, idempotencyKey, Schedule.NONE);
	}

	Result publish(MachineClaims claims, String jsonPart, Map<String, UploadedFile> files, String idempotencyKey,
			Schedule schedule) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			throw PublicationRefused.invalid("INVALID_DATA", "The Idempotency-Key header must have 1 to 200 characters");
		}
		MessageToPublish request = parse(jsonPart);
		// the schedule is part of what a key identifies: the same key with another schedule is another message
		String digest = requestDigest(schedule.equals(Schedule.NONE) ? jsonPart : jsonPart + "\nschedule:" + schedule,
				files);
		if (idempotencyKey != null && claims.application().isPresent()) {
			// a retry answers what the first request got, even if a check would now decide otherwise (time passed)
			var earlier = replay(claims, idempotencyKey, digest);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		MessageType type = senders.check(claims, request);
		EnterpriseNumber recipient = recipient(request.recipient());
		List<Message.Content> contents = contents(request);
		List<Message.Attachment> attachments = Attachments.link(request.attachments(), files);
		boolean bodyMain = Boolean.TRUE.equals(request.bodyMainContent());
		if (bodyMain && contents.stream().allMatch(c -> c.body() == null)) {
			throw PublicationRefused.invalid("INVALID_DATA", "bodyMainContent is true but there is no bodyContent");
		}
		if (!bodyMain && attachments.stream().noneMatch(Message.Attachment::mainContent)) {
			throw PublicationRefused.invalid("INVALID_DATA",
					"A message needs a main content: bodyMainContent true or an attachment with mainContent true");
		}
		if (Boolean.TRUE.equals(request.registeredMail())) {
			throw PublicationRefused.invalid("INVALID_DATA", "registeredMail is only possible for the e-Post service");
		}
		checkBusinessData(request, type);
		Instant now = clock.instant();
		if (schedule.visibleFrom() != null && schedule.visibleFrom().isBefore(now)) {
			throw PublicationRefused.invalid("INVALID_DATA", "visibleFrom must not be in the past");
		}
		if (schedule.dueDate() != null && type.kind() != MessageKind.TASK) {
			throw PublicationRefused.invalid("INVALID_DATA",
					"A due date is only possible for a message type of kind task; " + type.id().value() + " is not");
		}
		Instant visible = schedule.visibleFrom() == null ? now : schedule.visibleFrom();
		Instant expiry = expiry(request.expirationDate(), type, visible);
		String code = enrolment.state(recipient).filter(EboxState.ACTIVE::equals).isPresent() ? null : NO_DIGITAL_USER;
		var message = new Message(MessageId.random(), recipient, type.organisation(), claims.application().orElseThrow(),
				type.id(), type.kind(), now, visible, expiry, schedule.dueDate(), schedule.acknowledgementRequired(),
				type.isProtected(), bodyMain,
				Boolean.TRUE.equals(request.replyAuthorized()), false, request.originalMessageId(),
				new java.util.LinkedHashMap<>(), attachments, code);
		contents.forEach(c -> message.contents().put(c.language(), c));
		try {
			transaction.executeWithoutResult(status -> {
				messages.insert(message, jsonText(request.businessDataList()), jsonText(request.forTheAttentionOf()),
						jsonText(request.paymentData()), idempotencyKey, digest);
				audit.record(AuditEvent.of(claims.clientId() == null ? "unknown-client" : claims.clientId(),
						"MESSAGE_PUBLISHED", recipient, "message " + message.id() + ", type " + type.id().value()
								+ ", application " + message.senderApplication().value()));
				events.publishEvent(new MessagePublished(message.id(), recipient, type.id(), type.isProtected(),
						message.visibleFrom()));
			});
		}
		catch (DuplicateKeyException ex) {
			// the same key arrived twice at the same moment: the other request stored it, answer as it did
			return replay(claims, idempotencyKey, digest).orElseThrow(() -> ex);
		}
		return new Result(message.id(), expiry, code);
	}

	private Optional<Result> replay(MachineClaims claims, String idempotencyKey, String digest) {
		if (idempotencyKey == null) {
			return Optional.empty();
		}
		return messages.findByIdempotencyKey(claims.application().orElseThrow(), idempotencyKey).map(earlier -> {
			if (!earlier.requestDigest().equals(digest)) {
				throw new PublicationRefused(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED",
						"This Idempotency-Key was already used for a different message; use a new key for a new message");
			}
			return new Result(earlier.id(), earlier.expiresAt(), earlier.code());
		});
	}

	private MessageToPublish parse(String jsonPart) {
		try {
			MessageToPublish request = json.readValue(jsonPart, MessageToPublish.class);
			if (request == null) {
				throw PublicationRefused.invalid("INVALID_DATA", "The part messageToPublish is empty");
			}
			return request;
		}
		catch (JacksonException ex) {
			throw PublicationRefused.invalid("INVALID_DATA", "The part messageToPublish is not a valid MessageToPublish JSON");
		}
	}

	private EnterpriseNumber recipient(MessageToPublish.EboxId id) {
		if (id == null || id.eboxIdValue() == null) {
			throw PublicationRefused.invalid("INVALID_RECIPIENT", "The recipient (eboxType, eboxIdValue) is missing");
		}
		if (!"enterprise".equals(id.eboxType())) {
			throw PublicationRefused.invalid("INVALID_RECIPIENT", "Only e-Boxes of type enterprise are served here");
		}
		if (!EnterpriseNumber.isValid(id.eboxIdValue())) {
			throw PublicationRefused.invalid("INVALID_RECIPIENT",
					"The recipient " + id.eboxIdValue() + " is not a valid enterprise number (10 digits, mod 97)");
		}
		EnterpriseNumber number = EnterpriseNumber.parse(id.eboxIdValue());
		if (registry.find(number).isEmpty()) {
			throw PublicationRefused.invalid("UNKNOWN_RECIPIENT",
					"The enterprise " + number.formatted() + " is not in the enterprise registry");
		}
		return number;
	}

	private static List<Message.Content> contents(MessageToPublish request) {
		if (request.subject() == null) {
			throw PublicationRefused.invalid("INVALID_DATA", "The subject is missing");
		}
		List<Message.Content> contents = new ArrayList<>();
		for (String language : MessageToPublish.LANGUAGES) {
			String subject = blankToNull(request.subject().in(language));
			String body = request.bodyContent() == null ? null : blankToNull(request.bodyContent().in(language));
			if (subject != null && subject.length() > MAX_SUBJECT) {
				throw PublicationRefused.invalid("SUBJECT_TOO_LONG",
						"The subject in " + language + " is longer than " + MAX_SUBJECT + " characters");
			}
			if (subject != null || body != null) {
				contents.add(new Message.Content(language, subject, body));
			}
		}
		if (contents.stream().allMatch(c -> c.subject() == null)) {
			throw PublicationRefused.invalid("INVALID_DATA", "The subject needs at least one language (nl, fr or de)");
		}
		return contents;
	}

	private static void checkBusinessData(MessageToPublish request, MessageType type) {
		if (request.businessDataList() == null) {
			return;
		}
		var seen = new HashSet<String>();
		for (var data : request.businessDataList()) {
			if (data == null || data.key() == null || data.values() == null) {
				throw PublicationRefused.invalid("INVALID_DATA", "Every businessData needs a key and values");
			}
			if (!type.businessDataKeys().contains(data.key()) || !seen.add(data.key())) {
				throw PublicationRefused.invalid("INVALID_DATA", "The business data key " + data.key()
						+ " is not allowed for the message type " + type.id().value() + " or given twice");
			}
		}
	}

	/** The type's validity from now; a sender may ask for an earlier expiry, never a later one. */
	private static Instant expiry(String requested, MessageType type, Instant now) {
		Instant longest = type.validity().expiryFrom(now, BELGIUM);
		if (requested == null) {
			return longest;
		}
		Instant asked;
		try {
			asked = OffsetDateTime.parse(requested).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw PublicationRefused.invalid("INVALID_DATA", "expirationDate is not a date-time yyyy-MM-dd'T'HH:mm:ssXXX");
		}
		if (!asked.isAfter(now) || asked.isAfter(longest)) {
			throw PublicationRefused.invalid("INVALID_DATA",
					"expirationDate must be in the future and not after the validity period of the message type");
		}
		return asked;
	}

	/** What identifies a request for the Idempotency-Key: the JSON part and the files by part name. */
	private static String requestDigest(String jsonPart, Map<String, UploadedFile> files) {
		var sha = Digests.sha256();
		sha.update(jsonPart.getBytes(StandardCharsets.UTF_8));
		new TreeMap<>(files).forEach((name, file) -> sha.update(("\n" + name + ":" + file.fileName() + ":"
				+ file.blob().sha256()).getBytes(StandardCharsets.UTF_8)));
		return HexFormat.of().formatHex(sha.digest());
	}

	private String jsonText(Object node) {
		return node == null ? null : json.writeValueAsString(node);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
