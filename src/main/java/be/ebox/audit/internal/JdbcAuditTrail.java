package be.ebox.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditRecord;
import be.ebox.audit.AuditTrail;
import be.ebox.audit.AuditVerification;
import be.ebox.registry.EnterpriseNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcAuditTrail implements AuditTrail {

	static final int MAX_ACTOR = 200;

	static final int MAX_ACTION = 100;

	static final int MAX_DETAILS = 2000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ChainVerifier verifier;

	private final AuditRecords records;

	JdbcAuditTrail(JdbcClient jdbc, Clock clock, ChainVerifier verifier, AuditRecords records) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.verifier = verifier;
		this.records = records;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEvent event) {
		// Taking the head row lock with an UPDATE (not SELECT ... FOR UPDATE) behaves the same on PostgreSQL and H2:
		// a second writer, on any instance, waits here until the first commits and then moves on from the head
		// that the first left behind. The lock is held until the caller's transaction ends.
		int locked = jdbc.sql("UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1").update();
		if (locked != 1) {
			throw new IllegalStateException("audit_head has no row 1");
		}
		var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		long seq = head.seq();
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String enterprise = event.enterprise() == null ? null : event.enterprise().digits();
		String actor = RecordHash.clean(event.actor(), MAX_ACTOR);
		String action = RecordHash.clean(event.action(), MAX_ACTION);
		String details = RecordHash.clean(event.details(), MAX_DETAILS);
		String hash = RecordHash.of(head.hash(), seq, at, actor, action, enterprise, details);
		jdbc.sql("""
				INSERT INTO audit_record (seq, occurred_at, actor, action, enterprise_number, details, previous_hash, hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, action, enterprise, details, head.hash(),
					hash)
			.update();
		jdbc.sql("UPDATE audit_head SET last_hash = ? WHERE id = 1").param(hash).update();
	}

	@Override
	public Optional<Long> firstBrokenRecord() {
		return Optional.ofNullable(verify().firstBrokenRecord());
	}

	@Override
	public AuditVerification verify() {
		return verifier.verify();
	}

	@Override
	public List<AuditRecord> recent(EnterpriseNumber enterprise, int limit) {
		if (limit < 1 || limit > 500) {
			throw new IllegalArgumentException("limit must be between 1 and 500");
		}
		return records.find(enterprise, null, 0, limit);
	}

	private record Head(long seq, String hash) {
	}
}
