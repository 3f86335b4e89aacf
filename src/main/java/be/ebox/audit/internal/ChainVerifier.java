package be.ebox.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import be.ebox.audit.AuditVerification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Walks the chain in batches (bounded memory, no long transaction) and names the first record that does not fit.
 * <p>
 * Records and the head are committed together, so reading the head first and then the records up to it sees a
 * complete chain even while other instances keep appending.
 */
@Component
class ChainVerifier {

	static final int BATCH = 1000;

	private final JdbcClient jdbc;

	ChainVerifier(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	AuditVerification verify() {
		var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
			.query((rs, row) -> new Link(rs.getLong(1), rs.getString(2)))
			.single();
		var expected = new Link(0, RecordHash.GENESIS);
		List<Stored> batch;
		do {
			batch = jdbc.sql("""
					SELECT seq, occurred_at, actor, action, enterprise_number, details, previous_hash, hash
					FROM audit_record WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?""")
				.params(expected.seq(), head.seq(), BATCH)
				.query((rs, row) -> new Stored(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
						rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
						rs.getString(8)))
				.list();
			for (Stored record : batch) {
				long wanted = expected.seq() + 1;
				if (record.seq() != wanted) {
					// a gap names the missing record
					return AuditVerification.brokenAt(expected.seq(), Math.min(record.seq(), wanted));
				}
				if (!record.previousHash().equals(expected.hash()) || !record.recomputedHash().equals(record.hash())) {
					return AuditVerification.brokenAt(expected.seq(), record.seq());
				}
				expected = new Link(record.seq(), record.hash());
			}
		}
		while (batch.size() == BATCH);
		if (expected.seq() < head.seq()) {
			// records removed from the end: the head still remembers how far the chain went
			return AuditVerification.brokenAt(expected.seq(), expected.seq() + 1);
		}
		if (!expected.hash().equals(head.hash())) {
			// the last record was rewritten with a recomputed hash
			return AuditVerification.brokenAt(expected.seq(), expected.seq());
		}
		// a record below the first (seq 0 or negative) or beyond a head that was read in the same statement
		Long stray = jdbc.sql("""
				SELECT MIN(seq) FROM audit_record
				WHERE seq < 1 OR seq > (SELECT last_seq FROM audit_head WHERE id = 1)""").query(Long.class).list().get(0);
		if (stray != null) {
			return AuditVerification.brokenAt(expected.seq(), stray);
		}
		return AuditVerification.intact(expected.seq());
	}

	private record Link(long seq, String hash) {
	}

	private record Stored(long seq, Instant at, String actor, String action, String enterprise, String details,
			String previousHash, String hash) {

		String recomputedHash() {
			return RecordHash.of(previousHash, seq, at, actor, action, enterprise, details);
		}
	}
}
