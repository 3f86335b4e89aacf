package be.ebox.audit;

import java.time.Instant;

import be.ebox.registry.EnterpriseNumber;

/**
 * One record of the audit trail as stored: its place in the chain ({@code sequence}, from 1), when, who, what, on
 * which enterprise (null when none) and the details (null when none).
 */
public record AuditRecord(long sequence, Instant occurredAt, String actor, String action, EnterpriseNumber enterprise,
		String details) {
}
