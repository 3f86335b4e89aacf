package be.ebox.access.internal;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The message types chosen for the software clients created on the access pages. */
@Repository
class SoftwareClientTable {

	record Choice(String name, Set<MessageTypeId> types) {
	}

	private final JdbcClient jdbc;

	SoftwareClientTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String clientId, EnterpriseNumber enterprise, String name, Set<MessageTypeId> types) {
		jdbc.sql("INSERT INTO access_software_client (client_id, enterprise_number, name) VALUES (?, ?, ?)")
			.params(clientId, enterprise.digits(), name)
			.update();
		for (MessageTypeId type : types) {
			jdbc.sql("INSERT INTO access_software_type (client_id, message_type) VALUES (?, ?)")
				.params(clientId, type.value())
				.update();
		}
	}

	/** Empty for a client created without a choice (it reads everything). */
	Optional<Choice> choice(String clientId) {
		return jdbc.sql("SELECT name FROM access_software_client WHERE client_id = ?")
			.param(clientId)
			.query(String.class)
			.optional()
			.map(name -> new Choice(name, new LinkedHashSet<>(jdbc.sql("SELECT message_type FROM access_software_type WHERE client_id = ? ORDER BY message_type")
				.param(clientId)
				.query((rs, n) -> new MessageTypeId(rs.getString(1)))
				.list())));
	}
}
