package be.ebox.messages.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.ebox.messages.Message;
import be.ebox.messages.MessageId;
import be.ebox.messages.MessageState;
import be.ebox.messages.ReadableMessage;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageKind;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A message read whole from its rows: the {@code message} row (with the reader's state columns), then its contents and
 * attachments for a whole page at once. Shared by every read of messages, single ({@link JdbcMessages}) or listed
 * ({@link MessageListing}).
 */
final class MessageRows {

	/** The reader's state of a message, selected next to {@code m.*}. */
	static final String STATE_COLUMNS = "m.first_read_at, m.hidden, m.done_at, m.acknowledged_at";

	private MessageRows() {
	}

	/** A message row with its state columns, without contents and attachments yet ({@link #readable}). */
	static ReadableMessage readableRow(ResultSet rs) throws SQLException {
		return new ReadableMessage(message(rs), state(rs));
	}

	static Message message(ResultSet rs) throws SQLException {
		return new Message(new MessageId(rs.getObject("id", UUID.class)), EnterpriseNumber.parse(rs.getString("recipient")),
				EnterpriseNumber.parse(rs.getString("sender_organisation")),
				new SenderApplicationId(rs.getString("sender_application")),
				new MessageTypeId(rs.getString("message_type")), MessageKind.valueOf(rs.getString("kind")),
				instant(rs.getObject("published_at", OffsetDateTime.class)),
				instant(rs.getObject("visible_from", OffsetDateTime.class)),
				instant(rs.getObject("expires_at", OffsetDateTime.class)), rs.getObject("due_date", LocalDate.class),
				rs.getBoolean("acknowledgement_required"), rs.getBoolean("protected"), rs.getBoolean("body_main_content"),
				rs.getBoolean("reply_authorized"), rs.getBoolean("registered_mail"), rs.getString("original_message_id"),
				Map.of(), List.of(), rs.getString("publication_code"));
	}

	static MessageState state(ResultSet rs) throws SQLException {
		return new MessageState(instant(rs.getObject("first_read_at", OffsetDateTime.class)), rs.getBoolean("hidden"),
				instant(rs.getObject("done_at", OffsetDateTime.class)),
				instant(rs.getObject("acknowledged_at", OffsetDateTime.class)));
	}

	static List<ReadableMessage> readable(JdbcClient jdbc, List<ReadableMessage> rows) {
		var messages = withDetails(jdbc, rows.stream().map(ReadableMessage::message).toList());
		var result = new ArrayList<ReadableMessage>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			result.add(new ReadableMessage(messages.get(i), rows.get(i).state()));
		}
		return result;
	}

	/**
	 * Contents and attachments of all the messages with one query, whatever their number: the content rows and the
	 * attachment rows in one UNION ALL, told apart by the language (never null on a content row, always on an
	 * attachment row).
	 */
	static List<Message> withDetails(JdbcClient jdbc, List<Message> messages) {
		if (messages.isEmpty()) {
			return messages;
		}
		var ids = messages.stream().map(m -> m.id().value()).toList();
		var contents = new HashMap<UUID, Map<String, Message.Content>>();
		var attachments = new HashMap<UUID, List<Message.Attachment>>();
		jdbc.sql("""
				SELECT message_id, language, subject, body, 0 AS position, NULL AS http_part_name, NULL AS file_name,
					NULL AS media_type, NULL AS size, NULL AS blob_sha256, NULL AS main_content, NULL AS signed,
					NULL AS title_nl, NULL AS title_fr, NULL AS title_de, NULL AS title_en
				FROM message_content WHERE message_id IN (:ids)
				UNION ALL
				SELECT message_id, NULL, NULL, NULL, position, http_part_name, file_name, media_type, size, blob_sha256,
					main_content, signed, title_nl, title_fr, title_de, title_en
				FROM message_attachment WHERE message_id IN (:ids)
				ORDER BY message_id, position""")
			.param("ids", ids)
			.query(rs -> {
				UUID id = rs.getObject("message_id", UUID.class);
				String language = rs.getString("language");
				if (language != null) {
					contents.computeIfAbsent(id, k -> new LinkedHashMap<>())
						.put(language, new Message.Content(language, rs.getString("subject"), rs.getString("body")));
				}
				else {
					attachments.computeIfAbsent(id, k -> new ArrayList<>()).add(attachment(rs));
				}
			});
		return messages.stream()
			.map(m -> new Message(m.id(), m.recipient(), m.senderOrganisation(), m.senderApplication(), m.messageType(),
					m.kind(), m.publishedAt(), m.visibleFrom(), m.expiresAt(), m.dueDate(), m.acknowledgementRequired(),
					m.isProtected(), m.bodyMainContent(), m.replyAuthorized(), m.registeredMail(), m.originalMessageId(),
					Map.copyOf(contents.getOrDefault(m.id().value(), Map.of())),
					List.copyOf(attachments.getOrDefault(m.id().value(), List.of())), m.publicationCode()))
			.toList();
	}

	private static Message.Attachment attachment(ResultSet rs) throws SQLException {
		var titles = new LinkedHashMap<String, String>();
		for (String language : MessageToPublish.LANGUAGES) {
			String title = rs.getString("title_" + language);
			if (title != null) {
				titles.put(language, title);
			}
		}
		return new Message.Attachment(rs.getInt("position"), rs.getString("http_part_name"), rs.getString("file_name"),
				rs.getString("media_type"), rs.getLong("size"), rs.getString("blob_sha256"),
				rs.getBoolean("main_content"), rs.getBoolean("signed"), Map.copyOf(titles));
	}

	static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}
}
