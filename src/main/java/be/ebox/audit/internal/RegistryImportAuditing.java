package be.ebox.audit.internal;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.registry.RegistryImportEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records the start and the end of every registry import (counts only, never content) in the audit trail. */
@Component
class RegistryImportAuditing {

	private final AuditTrail audit;

	RegistryImportAuditing(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void on(RegistryImportEvent event) {
		audit.record(AuditEvent.of(event.requestedBy(), "REGISTRY_IMPORT", null, event.details()));
	}
}
