package be.ebox.access.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.IssuedClient;
import be.ebox.senders.MachineClient;
import be.ebox.senders.MachineClients;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.ReferenceData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The consultation clients (OAuth2) of an enterprise's software, created by its access managers with chosen types. */
@Service
class SoftwareClients {

	record Listed(MachineClient client, Optional<SoftwareClientTable.Choice> choice) {
	}

	private final MachineClients clients;

	private final SoftwareClientTable table;

	private final AccessManagement management;

	private final ReferenceData referenceData;

	private final AuditTrail audit;

	SoftwareClients(MachineClients clients, SoftwareClientTable table, AccessManagement management,
			ReferenceData referenceData, AuditTrail audit) {
		this.clients = clients;
		this.table = table;
		this.management = management;
		this.referenceData = referenceData;
		this.audit = audit;
	}

	/** A new client; its secret is in the answer, shown once and never stored in clear. */
	@Transactional
	IssuedClient create(Actor actor, EnterpriseNumber enterprise, String name, Set<MessageTypeId> types) {
		management.requireManager(actor, enterprise);
		String label = name == null ? "" : name.strip();
		if (label.isEmpty() || label.length() > 200) {
			throw new AccessRuleException("access.client.name.required");
		}
		if (types.isEmpty()) {
			throw new AccessRuleException("access.client.noTypes");
		}
		for (MessageTypeId type : types) {
			if (referenceData.findMessageType(type).isEmpty()) {
				throw new AccessRuleException("access.refused.unknownType");
			}
		}
		IssuedClient issued = clients.createForEnterprise(enterprise, actor.name());
		table.insert(issued.clientId(), enterprise, label, new LinkedHashSet<>(types));
		audit.record(AuditEvent.of(actor.name(), "ACCESS_CLIENT_CREATED", enterprise,
				"client=" + issued.clientId() + " types=" + types));
		return issued;
	}

	@Transactional
	void revoke(Actor actor, EnterpriseNumber enterprise, String clientId) {
		management.requireManager(actor, enterprise);
		MachineClient client = clients.find(clientId)
			.filter(c -> c.enterprise().equals(Optional.of(enterprise)) && c.isActive())
			.orElseThrow(AccessManagement::notFound);
		clients.revoke(client.clientId(), actor.name());
		audit.record(AuditEvent.of(actor.name(), "ACCESS_CLIENT_REVOKED", enterprise, "client=" + clientId));
	}

	List<Listed> of(Actor actor, EnterpriseNumber enterprise) {
		management.requireManager(actor, enterprise);
		return clients.ofEnterprise(enterprise).stream().map(c -> new Listed(c, table.choice(c.clientId()))).toList();
	}
}
