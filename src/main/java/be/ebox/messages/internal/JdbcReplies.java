package be.ebox.messages.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import be.ebox.access.Reader;
import be.ebox.messages.MessageId;
import be.ebox.messages.Messages;
import be.ebox.messages.Replies;
import be.ebox.registry.EnterpriseNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Replies in the table {@code message_reply}; the reader's rights are those of {@link Messages#findFor}. */
@Repository
class JdbcReplies implements Replies {

	private final JdbcClient jdbc;

	private final Messages messages;

	private final Clock clock;

	JdbcReplies(JdbcClient jdbc, Messages messages, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	@Transactional
	public boolean reply(Reader reader, MessageId id, String text) {
		String body = text == null ? "" : text.strip();
		if (body.isEmpty() || body.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("a reply has 1 to " + MAX_LENGTH + " characters");
		}
		var message = messages.findFor(reader, id);
		if (message.isEmpty() || !message.get().message().replyAuthorized()) {
			return false;
		}
		jdbc.sql("""
				INSERT INTO message_reply (id, message_id, replied_at, actor, actor_enterprise, body)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), id.value(), clock.instant().atOffset(ZoneOffset.UTC), reader.actor(),
					reader.actorEnterprise().digits(), body)
			.update();
		return true;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Reply> of(Reader reader, MessageId id) {
		if (messages.findFor(reader, id).isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM message_reply WHERE message_id = ? ORDER BY replied_at, id")
			.param(id.value())
			.query((rs, row) -> reply(rs))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Reply> toSender(EnterpriseNumber organisation, MessageId id) {
		return jdbc.sql("""
				SELECT r.* FROM message_reply r JOIN message m ON m.id = r.message_id
				WHERE r.message_id = ? AND m.sender_organisation = ? ORDER BY r.replied_at, r.id""")
			.params(id.value(), organisation.digits())
			.query((rs, row) -> reply(rs))
			.list();
	}

	private static Reply reply(ResultSet rs) throws SQLException {
		return new Reply(rs.getObject("replied_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
				EnterpriseNumber.parse(rs.getString("actor_enterprise")), rs.getString("body"));
	}
}
