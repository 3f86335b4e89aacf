package be.ebox.audit;

import be.ebox.registry.EnterpriseNumber;

/**
 * Something worth recording: who (a username, "operator", "anonymous" or a client id), what (an action name such as
 * {@code REGISTRATION}), on which enterprise (may be null) and short details.
 */
public record AuditEvent(String actor, String action, EnterpriseNumber enterprise, String details) {

	public static AuditEvent of(String actor, String action, EnterpriseNumber enterprise, String details) {
		return new AuditEvent(actor, action, enterprise, details);
	}
}
