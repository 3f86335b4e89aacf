package be.ebox.access.internal;

import be.ebox.access.AccessRoles;
import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.identity.Accounts;
import be.ebox.identity.SecondFactorChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A second-factor change of a person goes into the access history of every enterprise where they have a role, so its
 * access managers see it (the identity module's own record has no enterprise). In the same transaction as the change.
 */
@Component
class SecondFactorHistory {

	private final Accounts accounts;

	private final AccessRoles roles;

	private final AuditTrail audit;

	SecondFactorHistory(Accounts accounts, AccessRoles roles, AuditTrail audit) {
		this.accounts = accounts;
		this.roles = roles;
		this.audit = audit;
	}

	@EventListener
	void on(SecondFactorChanged changed) {
		accounts.findByUsername(changed.username()).ifPresent(account -> roles.rolesOf(account.id())
			.forEach(role -> audit.record(AuditEvent.of(changed.username(), "ACCESS_SECOND_FACTOR_" + changed.change(),
					role.enterprise(), null))));
	}
}
