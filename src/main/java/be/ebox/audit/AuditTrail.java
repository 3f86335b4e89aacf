package be.ebox.audit;

import java.util.Optional;

/** The append-only, tamper-evident audit trail. */
public interface AuditTrail {

	/**
	 * Appends a record in the caller's transaction (so it is written exactly when the audited change is).
	 * Never put secrets, passwords, codes or document content in {@code details}.
	 */
	void record(AuditEvent event);

	/** Walks the chain; empty when intact, else the sequence number of the first record that does not match. */
	Optional<Long> firstBrokenRecord();
}
