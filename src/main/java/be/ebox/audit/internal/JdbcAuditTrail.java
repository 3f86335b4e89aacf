package be.ebox.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcAuditTrail implements AuditTrail {

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcAuditTrail(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEvent event) {
		// the head row lock serialises writers across instances
		var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		long seq = (long) head[0] + 1;
		String previous = (String) head[1];
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String enterprise = event.enterprise() == null ? null : event.enterprise().digits();
		String actor = truncate(event.actor(), 200);
		String details = truncate(event.details(), 2000);
		String hash = hash(previous, seq, at, actor, event.action(), enterprise, details);
		jdbc.sql("""
				INSERT INTO audit_record (seq, occurred_at, actor, action, enterprise_number, details, previous_hash, hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, event.action(),
					enterprise, details, previous, hash)
			.update();
		jdbc.sql("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(seq, hash).update();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Long> firstBrokenRecord() {
		var expectedPrevious = new AtomicReference<>("0".repeat(64));
		var expectedSeq = new long[] { 1 };
		var broken = new AtomicReference<Long>();
		jdbc.sql("SELECT * FROM audit_record ORDER BY seq").query(rs -> {
			if (broken.get() != null) {
				return;
			}
			long seq = rs.getLong("seq");
			Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
			String recomputed = hash(rs.getString("previous_hash"), seq, at, rs.getString("actor"), rs.getString("action"),
					rs.getString("enterprise_number"), rs.getString("details"));
			if (seq != expectedSeq[0] || !expectedPrevious.get().equals(rs.getString("previous_hash"))
					|| !recomputed.equals(rs.getString("hash"))) {
				broken.set(seq != expectedSeq[0] ? expectedSeq[0] : seq);
				return;
			}
			expectedPrevious.set(rs.getString("hash"));
			expectedSeq[0] = seq + 1;
		});
		if (broken.get() == null) {
			// records removed from the end: the head still remembers how far the chain went
			long lastSeq = jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
			if (lastSeq >= expectedSeq[0]) {
				broken.set(expectedSeq[0]);
			}
		}
		return Optional.ofNullable(broken.get());
	}

	static String hash(String previous, long seq, Instant at, String actor, String action, String enterprise,
			String details) {
		String canonical = String.join("\u001f", previous, Long.toString(seq), at.toString(), nullToEmpty(actor),
				nullToEmpty(action), nullToEmpty(enterprise), nullToEmpty(details));
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
