package be.ebox.messages.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import be.ebox.access.Reader;
import be.ebox.messages.Message;
import be.ebox.messages.MessageFilter;
import be.ebox.messages.MessagePage;
import be.ebox.messages.ReadableMessage;
import be.ebox.messages.MessageId;
import be.ebox.messages.Messages;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.SenderApplicationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Messages in the tables {@code message}, {@code message_content} and {@code message_attachment}. */
@Repository
class JdbcMessages implements Messages {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final MessageListing listing;

	JdbcMessages(JdbcClient jdbc, JsonMapper json, Clock clock, MessageTotals totals) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.listing = new MessageListing(jdbc, clock, totals);
	}

	/** What an earlier request with the same Idempotency-Key stored. */
	record Earlier(MessageId id, Instant expiresAt, String code, String requestDigest) {
	}

	void insert(Message m, String businessData, String forTheAttentionOf, String paymentData, String idempotencyKey,
			String requestDigest) {
		jdbc.sql("""
				INSERT INTO message (id, recipient, sender_organisation, sender_application, message_type, kind,
					published_at, visible_from, expires_at, due_date, acknowledgement_required, protected,
					body_main_content, reply_authorized, registered_mail, original_message_id, business_data,
					for_the_attention_of, payment_data, publication_code, idempotency_key, request_digest)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(m.id().value(), m.recipient().digits(), m.senderOrganisation().digits(), m.senderApplication().value(),
					m.messageType().value(), m.kind().name(), time(m.publishedAt()), time(m.visibleFrom()),
					time(m.expiresAt()), m.dueDate(), m.acknowledgementRequired(), m.isProtected(), m.bodyMainContent(),
					m.replyAuthorized(), m.registeredMail(), m.originalMessageId(), businessData, forTheAttentionOf,
					paymentData, m.publicationCode(), idempotencyKey, idempotencyKey == null ? null : requestDigest)
			.update();
		String businessDataText = businessData == null ? "" : SearchText.wordsOf(json.readTree(businessData));
		for (var content : m.contents().values()) {
			jdbc.sql("""
					INSERT INTO message_content (message_id, recipient, language, subject, body, search_text)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(m.id().value(), m.recipient().digits(), content.language(), content.subject(), content.body(),
						SearchText.normalize(String.join(" ", nonNull(content.subject()), nonNull(content.body()),
								businessDataText)))
				.update();
		}
		for (var a : m.attachments()) {
			jdbc.sql("""
					INSERT INTO message_attachment (message_id, position, http_part_name, file_name, media_type, size,
						blob_sha256, main_content, signed, title_nl, title_fr, title_de, title_en)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(m.id().value(), a.position(), a.httpPartName(), a.fileName(), a.mediaType(), a.size(), a.sha256(),
						a.mainContent(), a.signed(), a.titles().get("nl"), a.titles().get("fr"), a.titles().get("de"),
						a.titles().get("en"))
				.update();
		}
	}

	Optional<Earlier> findByIdempotencyKey(SenderApplicationId application, String key) {
		return jdbc.sql("""
				SELECT id, expires_at, publication_code, request_digest FROM message
				WHERE sender_application = ? AND idempotency_key = ?""")
			.params(application.value(), key)
			.query((rs, row) -> new Earlier(new MessageId(rs.getObject("id", UUID.class)),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getString("publication_code"),
					rs.getString("request_digest")))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Message> find(MessageId id) {
		return jdbc.sql("SELECT * FROM message m WHERE id = ?")
			.param(id.value())
			.query((rs, row) -> MessageRows.message(rs))
			.optional()
			.map(m -> MessageRows.withDetails(jdbc, List.of(m)).get(0));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ReadableMessage> findFor(Reader reader, MessageId id) {
		var query = MessageQuery.readableBy(reader, clock.instant(), id.value());
		return jdbc.sql("SELECT m.*, " + MessageRows.STATE_COLUMNS + " FROM message m WHERE " + query.where())
			.params(query.params())
			.query((rs, row) -> MessageRows.readableRow(rs))
			.optional()
			.map(r -> MessageRows.readable(jdbc, List.of(r)).get(0));
	}

	@Override
	public Map<MessageId, ReadableMessage> findStatesIn(Map<MessageId, EnterpriseNumber> eboxes) {
		if (eboxes.isEmpty()) {
			return Map.of();
		}
		var found = new HashMap<MessageId, ReadableMessage>();
		// the e-Box of each message checked here, not in the statement: one IN list of ids, the primary key's
		jdbc.sql("SELECT m.*, " + MessageRows.STATE_COLUMNS + " FROM message m WHERE m.id IN (:ids)"
				+ " AND m.visible_from <= :now AND m.expires_at > :now")
			.param("ids", eboxes.keySet().stream().map(MessageId::value).toList())
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.query((rs, row) -> MessageRows.readableRow(rs))
			.list()
			.stream()
			.filter(r -> r.message().recipient().equals(eboxes.get(r.id())))
			.forEach(r -> found.put(r.id(), r));
		return found;
	}

	@Override
	public MessagePage search(Reader reader, MessageFilter filter, int page, int pageSize) {
		return list(reader, filter, page, pageSize).page();
	}

	/** A page of messages with its total, and each message's JSON parts ({@link MessageListing#list}). */
	MessageListing.Listing list(Reader reader, MessageFilter filter, int page, int pageSize) {
		return listing.list(reader, filter, page, pageSize);
	}

	@Override
	@Transactional(readOnly = true)
	public long count(Reader reader, MessageFilter filter) {
		return reader.readsNothing() ? 0 : count(MessageQuery.of(reader, filter, clock.instant()));
	}

	private long count(MessageQuery query) {
		return jdbc.sql("SELECT COUNT(*) FROM message m WHERE " + query.where())
			.params(query.params())
			.query(Long.class)
			.single();
	}

	private static String nonNull(String text) {
		return text == null ? "" : text;
	}

	private static OffsetDateTime time(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
