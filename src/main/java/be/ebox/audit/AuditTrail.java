package be.ebox.audit;

import java.util.List;
import java.util.Optional;

import be.ebox.registry.EnterpriseNumber;

/** The append-only, tamper-evident audit trail. */
public interface AuditTrail {

	/**
	 * Appends a record in the caller's transaction (so it is written exactly when the audited change is).
	 * Never put secrets, passwords, codes or document content in {@code details}.
	 * <p>
	 * Writers are serialised on the head of the chain until the caller's transaction ends: call this as the last
	 * step of a short transaction, never at the start of a long one (it would hold up every other writer).
	 */
	void record(AuditEvent event);

	/** Walks the chain; empty when intact, else the sequence number of the first record that does not match. */
	Optional<Long> firstBrokenRecord();

	/** Walks the whole chain and says how many records it holds and where it is broken, if it is. */
	AuditVerification verify();

	/** The most recent records about one enterprise, newest first, at most {@code limit} (1 to 500). */
	List<AuditRecord> recent(EnterpriseNumber enterprise, int limit);
}
