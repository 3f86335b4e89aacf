package be.ebox.audit;

import java.util.Objects;

import be.ebox.registry.EnterpriseNumber;

/**
 * Something worth recording: who (a username, "operator", "anonymous" or a client id), what (an action name such as
 * {@code REGISTRATION}), on which enterprise (may be null) and short details (may be null).
 */
public record AuditEvent(String actor, String action, EnterpriseNumber enterprise, String details) {

	public AuditEvent {
		// fail in the caller's code, not as a constraint violation deep in the audited transaction
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(action, "action");
	}

	public static AuditEvent of(String actor, String action, EnterpriseNumber enterprise, String details) {
		return new AuditEvent(actor, action, enterprise, details);
	}
}
