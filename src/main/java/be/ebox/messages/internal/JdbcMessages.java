package be.ebox.messages.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import be.ebox.messages.Message;
import be.ebox.messages.MessageId;
import be.ebox.messages.Messages;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageKind;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Messages in the tables {@code message}, {@code message_content} and {@code message_attachment}. */
@Repository
class JdbcMessages implements Messages {

	private final JdbcClient jdbc;

	JdbcMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		for (var content : m.contents().values()) {
			jdbc.sql("INSERT INTO message_content (message_id, language, subject, body) VALUES (?, ?, ?, ?)")
				.params(m.id().value(), content.language(), content.subject(), content.body())
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
		return jdbc.sql("SELECT * FROM message WHERE id = ?")
			.param(id.value())
			.query((rs, row) -> new Message(id, EnterpriseNumber.parse(rs.getString("recipient")),
					EnterpriseNumber.parse(rs.getString("sender_organisation")),
					new SenderApplicationId(rs.getString("sender_application")),
					new MessageTypeId(rs.getString("message_type")), MessageKind.valueOf(rs.getString("kind")),
					instant(rs.getObject("published_at", OffsetDateTime.class)),
					instant(rs.getObject("visible_from", OffsetDateTime.class)),
					instant(rs.getObject("expires_at", OffsetDateTime.class)), rs.getObject("due_date", LocalDate.class),
					rs.getBoolean("acknowledgement_required"), rs.getBoolean("protected"),
					rs.getBoolean("body_main_content"), rs.getBoolean("reply_authorized"),
					rs.getBoolean("registered_mail"), rs.getString("original_message_id"), new LinkedHashMap<>(),
					List.of(), rs.getString("publication_code")))
			.optional()
			.map(this::withDetails);
	}

	private Message withDetails(Message m) {
		var contents = new LinkedHashMap<String, Message.Content>();
		jdbc.sql("SELECT language, subject, body FROM message_content WHERE message_id = ? ORDER BY language")
			.param(m.id().value())
			.query((rs, row) -> new Message.Content(rs.getString("language"), rs.getString("subject"), rs.getString("body")))
			.list()
			.forEach(c -> contents.put(c.language(), c));
		var attachments = jdbc.sql("SELECT * FROM message_attachment WHERE message_id = ? ORDER BY position")
			.param(m.id().value())
			.query((rs, row) -> {
				var titles = new LinkedHashMap<String, String>();
				for (String language : MessageToPublish.LANGUAGES) {
					String title = rs.getString("title_" + language);
					if (title != null) {
						titles.put(language, title);
					}
				}
				return new Message.Attachment(rs.getInt("position"), rs.getString("http_part_name"),
						rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size"),
						rs.getString("blob_sha256"), rs.getBoolean("main_content"), rs.getBoolean("signed"),
						java.util.Map.copyOf(titles));
			})
			.list();
		return new Message(m.id(), m.recipient(), m.senderOrganisation(), m.senderApplication(), m.messageType(), m.kind(),
				m.publishedAt(), m.visibleFrom(), m.expiresAt(), m.dueDate(), m.acknowledgementRequired(),
				m.isProtected(), m.bodyMainContent(), m.replyAuthorized(), m.registeredMail(), m.originalMessageId(),
				java.util.Map.copyOf(contents), attachments, m.publicationCode());
	}

	private static OffsetDateTime time(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

}
