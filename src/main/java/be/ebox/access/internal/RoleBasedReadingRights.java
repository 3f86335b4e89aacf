package be.ebox.access.internal;

import java.util.Optional;
import java.util.Set;

import be.ebox.access.Reader;
import be.ebox.access.ReadingRights;
import be.ebox.access.Role;
import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MachineClient;
import be.ebox.senders.MachineClients;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reading rights from the roles: access managers read everything; users read the unprotected types; an enterprise's
 * software reads what its access managers read.
 */
@Service
class RoleBasedReadingRights implements ReadingRights {

	private final JdbcClient jdbc;

	private final MachineClients clients;

	RoleBasedReadingRights(JdbcClient jdbc, MachineClients clients) {
		this.jdbc = jdbc;
		this.clients = clients;
	}

	@Override
	public Optional<Reader> ofPerson(AccountId account, EnterpriseNumber ebox) {
		return jdbc.sql("SELECT role FROM access_role WHERE enterprise_number = ? AND account_id = ?")
			.params(ebox.digits(), account.value())
			.query(String.class)
			.optional()
			.map(Role::valueOf)
			.map(role -> role.managesAccess() ? Reader.ofEverything(ebox, Reader.Kind.PERSON, account.toString())
					: new Reader(ebox, Reader.Kind.PERSON, account.toString(), ebox, true, false, Set.of()));
	}

	@Override
	public Optional<Reader> ofSoftware(String clientId, EnterpriseNumber ebox) {
		return clients.find(clientId)
			.filter(MachineClient::isActive)
			.filter(client -> client.enterprise().equals(Optional.of(ebox)))
			.map(client -> Reader.ofEverything(ebox, Reader.Kind.SOFTWARE, clientId));
	}
}
