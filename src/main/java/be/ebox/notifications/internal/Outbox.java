package be.ebox.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The e-mails to send, and what became of them. */
@Repository
class Outbox {

	enum Kind {
		ALERT, SUMMARY
	}

	record Mail(long id, String address, String language, Kind kind, String payload, int attempts) {
	}

	record Failed(long id, String address, Kind kind, int attempts, Instant createdAt, String lastError) {
	}

	/** @param oldestPending age of the oldest e-mail waiting to be sent, null when none waits */
	record Stats(long pending, long sending, long sent, long failed, Duration oldestPending) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	Outbox(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	void add(String address, String language, Kind kind, Tally tally, Instant now) {
		jdbc.sql("""
				INSERT INTO notification_mail (address, language, kind, payload, state, created_at, next_attempt_at)
				VALUES (?, ?, ?, ?, 'PENDING', ?, ?)""")
			.params(address, language, kind.name(), tally.encode(), Times.db(now), Times.db(now))
			.update();
	}

	/**
	 * Rows due, locked with SKIP LOCKED so that concurrent claimers (threads or instances) never get the same row;
	 * the caller marks them SENDING with a lease in the same transaction.
	 */
	List<Mail> lockDue(Instant now, int limit) {
		return jdbc.sql("""
				SELECT id, address, language, kind, payload, attempts FROM notification_mail
				WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?
				FOR UPDATE SKIP LOCKED""")
			.params(Times.db(now), limit)
			.query((rs, n) -> new Mail(rs.getLong("id"), rs.getString("address"), rs.getString("language"),
					Kind.valueOf(rs.getString("kind")), rs.getString("payload"), rs.getInt("attempts")))
			.list();
	}

	void lease(List<Mail> mails, Instant until) {
		batch.batchUpdate("UPDATE notification_mail SET state = 'SENDING', lease_until = ?, attempts = attempts + 1 WHERE id = ?",
				mails, mails.size(), (ps, m) -> {
					ps.setObject(1, Times.db(until));
					ps.setLong(2, m.id());
				});
	}

	void sent(List<Long> ids, Instant now) {
		batch.batchUpdate("UPDATE notification_mail SET state = 'SENT', sent_at = ?, lease_until = NULL, last_error = NULL WHERE id = ? AND state = 'SENDING'",
				ids, ids.size(), (ps, id) -> {
					ps.setObject(1, Times.db(now));
					ps.setLong(2, id);
				});
	}

	void retryLater(long id, Instant next, String error) {
		jdbc.sql("UPDATE notification_mail SET state = 'PENDING', next_attempt_at = ?, lease_until = NULL, last_error = ? WHERE id = ? AND state = 'SENDING'")
			.params(Times.db(next), shorten(error), id)
			.update();
	}

	void failed(long id, String error) {
		jdbc.sql("UPDATE notification_mail SET state = 'FAILED', lease_until = NULL, last_error = ? WHERE id = ? AND state = 'SENDING'")
			.params(shorten(error), id)
			.update();
	}

	/**
	 * E-mails whose lease ran out while SENDING: the instance that claimed them stopped (crashed) in the middle.
	 * Each may or may not have been accepted by the SMTP server, so they are not sent again on their own: they are
	 * marked FAILED for the operator to look at and retry (see {@link MailDelivery}).
	 */
	int interrupted(Instant now) {
		return jdbc.sql("""
				UPDATE notification_mail SET state = 'FAILED', lease_until = NULL,
					last_error = 'interrupted while sending: maybe delivered, retry only if it was not'
				WHERE state = 'SENDING' AND lease_until < ?""")
			.param(Times.db(now))
			.update();
	}

	/** The operator sends a failed e-mail once more; false when it is not failed (any more). */
	boolean retry(long id, Instant now) {
		return jdbc.sql("UPDATE notification_mail SET state = 'PENDING', next_attempt_at = ?, attempts = 0 WHERE id = ? AND state = 'FAILED'")
			.params(Times.db(now), id)
			.update() == 1;
	}

	Stats stats(Instant now) {
		long[] counts = new long[4];
		jdbc.sql("SELECT state, COUNT(*) FROM notification_mail GROUP BY state").query(rs -> {
			switch (rs.getString(1)) {
				case "PENDING" -> counts[0] = rs.getLong(2);
				case "SENDING" -> counts[1] = rs.getLong(2);
				case "SENT" -> counts[2] = rs.getLong(2);
				default -> counts[3] = rs.getLong(2);
			}
		});
		Instant oldest = jdbc.sql("SELECT MIN(created_at) AS oldest FROM notification_mail WHERE state IN ('PENDING', 'SENDING')")
			.query((rs, n) -> Times.read(rs, "oldest"))
			.optional()
			.orElse(null);
		return new Stats(counts[0], counts[1], counts[2], counts[3],
				oldest == null ? null : Duration.between(oldest, now).isNegative() ? Duration.ZERO : Duration.between(oldest, now));
	}

	List<Failed> failed(int limit) {
		return jdbc.sql("""
				SELECT id, address, kind, attempts, created_at, last_error FROM notification_mail
				WHERE state = 'FAILED' ORDER BY id DESC LIMIT ?""")
			.param(limit)
			.query((rs, n) -> new Failed(rs.getLong("id"), rs.getString("address"), Kind.valueOf(rs.getString("kind")),
					rs.getInt("attempts"), Times.read(rs, "created_at"), rs.getString("last_error")))
			.list();
	}

	private static String shorten(String error) {
		String text = error == null ? "unknown error" : error;
		return text.length() > 500 ? text.substring(0, 500) : text;
	}
}
