package be.ebox.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import be.ebox.messages.MessageId;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of alerts: what is due to be told about which message, and when. */
@Repository
class Alerts {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	Alerts(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	void add(List<Alert> alerts) {
		batch.batchUpdate("""
				INSERT INTO notification_alert (message_id, ebox, message_type, protected, reason, due_at)
				VALUES (?, ?, ?, ?, ?, ?)""", alerts, alerts.size(), (ps, a) -> {
			ps.setObject(1, a.message().value());
			ps.setString(2, a.ebox().digits());
			ps.setString(3, a.type().value());
			ps.setBoolean(4, a.isProtected());
			ps.setString(5, a.reason().name());
			ps.setObject(6, Times.db(a.dueAt()));
		});
	}

	/**
	 * Due alerts, locked until the caller's transaction ends; rows another instance holds are skipped, not waited
	 * for, so two instances share the work and never handle an alert twice.
	 */
	List<Alert> claimDue(Instant now, int limit) {
		return jdbc.sql("""
				SELECT id, message_id, ebox, message_type, protected, reason, due_at FROM notification_alert
				WHERE handled_at IS NULL AND due_at <= ? ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED""")
			.params(Times.db(now), limit)
			.query((rs, n) -> new Alert(rs.getLong("id"), new MessageId(rs.getObject("message_id", UUID.class)),
					EnterpriseNumber.parse(rs.getString("ebox")), new MessageTypeId(rs.getString("message_type")),
					rs.getBoolean("protected"), Reason.valueOf(rs.getString("reason")), Times.read(rs, "due_at")))
			.list();
	}

	void handled(long id, String outcome, Instant now) {
		jdbc.sql("UPDATE notification_alert SET handled_at = ?, outcome = ? WHERE id = ?")
			.params(Times.db(now), outcome, id)
			.update();
	}

	/** Alerts not handled yet, for the operator page. */
	long pending() {
		return jdbc.sql("SELECT COUNT(*) FROM notification_alert WHERE handled_at IS NULL").query(Long.class).single();
	}
}
