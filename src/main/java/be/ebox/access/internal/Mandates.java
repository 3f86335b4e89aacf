package be.ebox.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import be.ebox.access.Role;
import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.EnterpriseRegistry;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.ReferenceData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mandates: the client's access managers create and revoke them; the provider's access managers assign their own
 * users. Both sides see the mandate; each side acts only on its own side.
 */
@Service
class Mandates {

	private final MandateTable mandates;

	private final MemberTable members;

	private final AccessManagement management;

	private final EnterpriseRegistry registry;

	private final ReferenceData referenceData;

	private final AuditTrail audit;

	private final Clock clock;

	Mandates(MandateTable mandates, MemberTable members, AccessManagement management, EnterpriseRegistry registry,
			ReferenceData referenceData, AuditTrail audit, Clock clock) {
		this.mandates = mandates;
		this.members = members;
		this.management = management;
		this.registry = registry;
		this.referenceData = referenceData;
		this.audit = audit;
		this.clock = clock;
	}

	/** A mandate from the first day to the end of the last day (Belgian days) for the chosen types. */
	@Transactional
	Mandate create(Actor actor, EnterpriseNumber client, EnterpriseNumber provider, Set<MessageTypeId> types,
			LocalDate from, LocalDate until) {
		management.requireManager(actor, client);
		if (provider.equals(client)) {
			throw new AccessRuleException("access.mandate.self");
		}
		if (registry.find(provider).isEmpty()) {
			throw new AccessRuleException("access.mandate.unknownProvider");
		}
		if (types.isEmpty()) {
			throw new AccessRuleException("access.mandate.noTypes");
		}
		for (MessageTypeId type : types) {
			if (referenceData.findMessageType(type).isEmpty()) {
				throw new AccessRuleException("access.refused.unknownType");
			}
		}
		if (from == null || until == null || until.isBefore(from)) {
			throw new AccessRuleException("access.mandate.period");
		}
		Instant now = clock.instant();
		Instant endsAt = until.plusDays(1).atStartOfDay(AccessManagement.BELGIUM).toInstant();
		if (!endsAt.isAfter(now)) {
			throw new AccessRuleException("access.refused.endInPast");
		}
		var mandate = new Mandate(UUID.randomUUID(), client, provider,
				from.atStartOfDay(AccessManagement.BELGIUM).toInstant(), endsAt, null, new LinkedHashSet<>(types), Set.of());
		mandates.insert(mandate, actor.name(), now);
		String details = "mandate=" + mandate.id() + " provider=" + provider.digits() + " types=" + types + " from="
				+ from + " until=" + until;
		audit.record(AuditEvent.of(actor.name(), "ACCESS_MANDATE_CREATED", client, details));
		audit.record(AuditEvent.of(actor.name(), "ACCESS_MANDATE_RECEIVED", provider, details));
		return mandate;
	}

	@Transactional
	void revoke(Actor actor, EnterpriseNumber client, UUID id) {
		management.requireManager(actor, client);
		if (!mandates.revoke(id, client, clock.instant())) {
			throw AccessManagement.notFound();
		}
		Mandate mandate = mandates.find(id).orElseThrow();
		audit.record(AuditEvent.of(actor.name(), "ACCESS_MANDATE_REVOKED", client, "mandate=" + id));
		audit.record(AuditEvent.of(actor.name(), "ACCESS_MANDATE_REVOKED", mandate.provider(), "mandate=" + id));
	}

	List<Mandate> given(Actor actor, EnterpriseNumber client) {
		management.requireManager(actor, client);
		return mandates.ofClient(client);
	}

	List<Mandate> received(Actor actor, EnterpriseNumber provider) {
		management.requireManager(actor, provider);
		return mandates.ofProvider(provider);
	}

	/** The provider's access manager assigns one of the provider's users to a mandate the provider received. */
	@Transactional
	void assign(Actor actor, EnterpriseNumber provider, UUID id, AccountId account, boolean assigned) {
		management.requireManager(actor, provider);
		Mandate mandate = mandates.find(id).filter(m -> m.provider().equals(provider))
			.orElseThrow(AccessManagement::notFound);
		MemberTable.Row member = members.find(provider, account).orElseThrow(AccessManagement::notFound);
		if (member.role() != Role.USER) {
			throw new AccessRuleException("access.refused.managerReadsAll");
		}
		if (assigned) {
			mandates.assign(mandate.id(), account);
		}
		else {
			mandates.unassign(mandate.id(), account);
		}
		String details = "mandate=" + id + " member=" + management.username(account);
		audit.record(AuditEvent.of(actor.name(), assigned ? "ACCESS_MANDATE_ASSIGNED" : "ACCESS_MANDATE_UNASSIGNED",
				provider, details));
	}

	String name(EnterpriseNumber enterprise, String language) {
		return registry.find(enterprise).map(e -> e.name(language)).orElse(enterprise.formatted());
	}
}
