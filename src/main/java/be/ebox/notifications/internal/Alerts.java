package be.ebox.notifications.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import be.ebox.messages.MessageId;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;
import be.ebox.system.CopyRows;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of alerts: what is due to be told about which message, and when. */
@Repository
class Alerts {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	/**
	 * From this many alerts on (a bulk publication's chunk), PostgreSQL gets them with one {@code COPY}: no statement
	 * to parse and plan per row or per batch, as bulk publication writes the messages themselves.
	 */
	static final int COPY_FROM = 100;

	private final boolean postgres;

	Alerts(JdbcClient jdbc, JdbcTemplate batch, DataSource dataSource) throws SQLException {
		this.jdbc = jdbc;
		this.batch = batch;
		try (Connection connection = dataSource.getConnection()) {
			this.postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
		}
	}

	void add(List<Alert> alerts) {
		if (postgres && alerts.size() >= COPY_FROM) {
			CopyRows rows = new CopyRows();
			for (Alert a : alerts) {
				rows.uuid(a.message().value())
					.text(a.ebox().digits())
					.text(a.type().value())
					.bool(a.isProtected())
					.text(a.reason().name())
					.instant(a.dueAt())
					.endRow();
			}
			batch.execute((ConnectionCallback<Void>) connection -> {
				rows.copyInto(connection, "notification_alert (message_id, ebox, message_type, protected, reason, due_at)");
				return null;
			});
			return;
		}
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
	 * for, so two instances share the work and never handle an alert twice. Ordered by handled_at too (null in every
	 * row found): only then does PostgreSQL read them in the order of notification_alert_due and stop at the limit.
	 * With "ORDER BY due_at, id" (IS NULL is no equality to it) it read and sorted every pending alert for each batch:
	 * 75 ms against 2 ms with the 100 000 alerts of a bulk job pending, CPU taken from the publication still running
	 * (see bench/bulk-publication).
	 */
	List<Alert> claimDue(Instant now, int limit) {
		return jdbc.sql("""
				SELECT id, message_id, ebox, message_type, protected, reason, due_at FROM notification_alert
				WHERE handled_at IS NULL AND due_at <= ? ORDER BY handled_at, due_at, id LIMIT ? FOR UPDATE SKIP LOCKED""")
			.params(Times.db(now), limit)
			.query((rs, n) -> new Alert(rs.getLong("id"), new MessageId(rs.getObject("message_id", UUID.class)),
					EnterpriseNumber.parse(rs.getString("ebox")), new MessageTypeId(rs.getString("message_type")),
					rs.getBoolean("protected"), Reason.valueOf(rs.getString("reason")), Times.read(rs, "due_at")))
			.list();
	}

	/** What became of an alert (NOTIFIED, SETTLED, GONE). */
	record Outcome(long id, String outcome) {
	}

	/** Marks the alerts handled, with one batch: one round trip for a worker's whole batch of alerts. */
	void handled(List<Outcome> outcomes, Instant now) {
		if (outcomes.isEmpty()) {
			return;
		}
		batch.batchUpdate("UPDATE notification_alert SET handled_at = ?, outcome = ? WHERE id = ?", outcomes,
				outcomes.size(), (ps, o) -> {
					ps.setObject(1, Times.db(now));
					ps.setString(2, o.outcome());
					ps.setLong(3, o.id());
				});
	}

	/** Alerts not handled yet, for the operator page. */
	long pending() {
		return jdbc.sql("SELECT COUNT(*) FROM notification_alert WHERE handled_at IS NULL").query(Long.class).single();
	}
}
