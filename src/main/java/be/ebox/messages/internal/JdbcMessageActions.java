package be.ebox.messages.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import be.ebox.access.Reader;
import be.ebox.messages.Evidence;
import be.ebox.messages.Message;
import be.ebox.messages.MessageActions;
import be.ebox.messages.MessageId;
import be.ebox.messages.Messages;
import be.ebox.messages.ReadableMessage;
import be.ebox.senders.MessageKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state changes of a message and their evidence, each in one transaction. The state columns are set with
 * conditional updates, so two readers acting at once leave one consistent state (e.g. one first-read time).
 */
@Service
class JdbcMessageActions implements MessageActions, Evidence {

	private final JdbcClient jdbc;

	private final Messages messages;

	private final Clock clock;

	JdbcMessageActions(JdbcClient jdbc, Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	@Transactional
	public boolean openMainContent(Reader reader, MessageId id) {
		if (messages.findFor(reader, id).isEmpty()) {
			return false;
		}
		markRead(id);
		record(reader, id, Kind.OPENED, null);
		return true;
	}

	@Override
	@Transactional
	public boolean downloadAttachment(Reader reader, MessageId id, int position) {
		var found = messages.findFor(reader, id);
		var attachment = found.stream()
			.flatMap(m -> m.message().attachments().stream())
			.filter(a -> a.position() == position)
			.findFirst();
		if (attachment.isEmpty()) {
			return false;
		}
		if (attachment.get().mainContent()) {
			markRead(id);
		}
		record(reader, id, Kind.DOWNLOADED, position);
		return true;
	}

	@Override
	@Transactional
	public boolean hide(Reader reader, MessageId id) {
		return change(reader, id, "UPDATE message SET hidden = TRUE WHERE id = :id AND hidden = FALSE", Kind.HIDDEN,
				m -> true);
	}

	@Override
	@Transactional
	public boolean unhide(Reader reader, MessageId id) {
		return change(reader, id, "UPDATE message SET hidden = FALSE WHERE id = :id AND hidden = TRUE", Kind.UNHIDDEN,
				m -> true);
	}

	@Override
	@Transactional
	public boolean markDone(Reader reader, MessageId id) {
		return change(reader, id, "UPDATE message SET done_at = :now WHERE id = :id AND done_at IS NULL", Kind.DONE,
				m -> m.kind() == MessageKind.TASK);
	}

	@Override
	@Transactional
	public boolean reopen(Reader reader, MessageId id) {
		return change(reader, id, "UPDATE message SET done_at = NULL WHERE id = :id AND done_at IS NOT NULL",
				Kind.REOPENED, m -> m.kind() == MessageKind.TASK);
	}

	@Override
	@Transactional
	public boolean acknowledge(Reader reader, MessageId id) {
		return change(reader, id,
				"UPDATE message SET acknowledged_at = :now WHERE id = :id AND acknowledged_at IS NULL",
				Kind.ACKNOWLEDGED, Message::acknowledgementRequired);
	}

	/** Runs the update when the reader may act on the message; evidence only when the state really changed. */
	private boolean change(Reader reader, MessageId id, String update, Kind kind,
			java.util.function.Predicate<Message> applies) {
		var found = messages.findFor(reader, id).map(ReadableMessage::message).filter(applies);
		if (found.isEmpty()) {
			return false;
		}
		// :now is bound for every update; the statements that do not name it ignore it
		if (jdbc.sql(update).param("id", id.value()).param("now", now()).update() > 0) {
			record(reader, id, kind, null);
		}
		return true;
	}

	private void markRead(MessageId id) {
		jdbc.sql("UPDATE message SET first_read_at = ? WHERE id = ? AND first_read_at IS NULL")
			.params(now(), id.value())
			.update();
	}

	private void record(Reader reader, MessageId id, Kind kind, Integer position) {
		jdbc.sql("""
				INSERT INTO message_evidence (message_id, occurred_at, event, actor_kind, actor, actor_enterprise,
					attachment_position) VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(id.value(), now(), kind.name(), reader.kind().name(), reader.actor(),
					reader.actorEnterprise().digits(), position)
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Event> timeline(MessageId id) {
		var message = messages.find(id);
		if (message.isEmpty()) {
			return List.of();
		}
		var m = message.get();
		var events = new ArrayList<Event>();
		events.add(new Event(m.publishedAt(), Kind.PUBLISHED, "SYSTEM", null, null, null));
		var now = clock.instant();
		if (!m.visibleFrom().isAfter(now)) {
			events.add(new Event(m.visibleFrom(), Kind.VISIBLE, "SYSTEM", null, null, null));
		}
		jdbc.sql("""
				SELECT occurred_at, event, actor_kind, actor, actor_enterprise, attachment_position
				FROM message_evidence WHERE message_id = ? ORDER BY id""")
			.param(id.value())
			.query((rs, row) -> new Event(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					Kind.valueOf(rs.getString("event")), rs.getString("actor_kind"), rs.getString("actor"),
					rs.getString("actor_enterprise"), (Integer) rs.getObject("attachment_position")))
			.list()
			.forEach(events::add);
		if (!m.expiresAt().isAfter(now)) {
			events.add(new Event(m.expiresAt(), Kind.EXPIRED, "SYSTEM", null, null, null));
		}
		return events;
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

}
