package be.ebox.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import be.ebox.access.Reader;
import be.ebox.access.ReadingRights;
import be.ebox.access.Role;
import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MachineClient;
import be.ebox.senders.MachineClients;
import be.ebox.senders.MessageTypeId;
import org.springframework.stereotype.Service;

/**
 * Reading rights, read from the tables at every call (never cached, so that a revoked grant or mandate stops
 * working at the next request, in pages and API alike):
 * <ul>
 * <li>active access managers read everything in their e-Box;</li>
 * <li>active users read the unprotected types and the protected types granted to them (until the grant ends);</li>
 * <li>a service provider's people read the types of the mandates in force on the client's e-Box: its access
 * managers, and the users they assigned to the mandate;</li>
 * <li>an enterprise's software reads the types chosen when it was created on the access pages, or everything
 * when it was created without a choice.</li>
 * </ul>
 */
@Service
class JdbcReadingRights implements ReadingRights {

	private final MemberTable members;

	private final MandateTable mandates;

	private final SoftwareClientTable software;

	private final MachineClients clients;

	private final Clock clock;

	JdbcReadingRights(MemberTable members, MandateTable mandates, SoftwareClientTable software, MachineClients clients,
			Clock clock) {
		this.members = members;
		this.mandates = mandates;
		this.software = software;
		this.clients = clients;
		this.clock = clock;
	}

	@Override
	public Optional<Reader> ofPerson(AccountId account, EnterpriseNumber ebox) {
		Instant now = clock.instant();
		var member = members.find(ebox, account);
		if (member.isPresent()) {
			// a deactivated member reads nothing, not even through a mandate of their own enterprise
			return member.filter(MemberTable.Row::active).map(row -> reader(row.role(), account, ebox, now));
		}
		List<Mandate> inForce = mandates.inForce(ebox, account, now);
		if (inForce.isEmpty()) {
			return Optional.empty();
		}
		// a person works for one provider of a client in practice; with several, the first one's mandates count
		EnterpriseNumber provider = inForce.get(0).provider();
		Set<MessageTypeId> types = new LinkedHashSet<>();
		inForce.stream().filter(m -> m.provider().equals(provider)).forEach(m -> types.addAll(m.types()));
		return Optional.of(new Reader(ebox, Reader.Kind.PERSON, account.toString(), provider, false, false, types));
	}

	private Reader reader(Role role, AccountId account, EnterpriseNumber ebox, Instant now) {
		if (role.managesAccess()) {
			return Reader.ofEverything(ebox, Reader.Kind.PERSON, account.toString());
		}
		return new Reader(ebox, Reader.Kind.PERSON, account.toString(), ebox, true, false,
				members.activeGrantTypes(ebox, account, now));
	}

	@Override
	public Optional<Reader> ofSoftware(String clientId, EnterpriseNumber ebox) {
		return clients.find(clientId)
			.filter(MachineClient::isActive)
			.filter(client -> client.enterprise().equals(Optional.of(ebox)))
			.map(client -> software.choice(clientId)
				.map(choice -> new Reader(ebox, Reader.Kind.SOFTWARE, clientId, ebox, false, false, choice.types()))
				.orElseGet(() -> Reader.ofEverything(ebox, Reader.Kind.SOFTWARE, clientId)));
	}
}
