package be.ebox.access.internal;

import java.util.LinkedHashSet;
import java.util.List;
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

	/**
	 * Empty for a client created without a choice (it reads everything). One statement, the client joined to its
	 * types: the consultation API asks at every request.
	 */
	Optional<Choice> choice(String clientId) {
		List<String[]> rows = jdbc.sql("""
				SELECT c.name, t.message_type FROM access_software_client c
				LEFT JOIN access_software_type t ON t.client_id = c.client_id
				WHERE c.client_id = :client ORDER BY t.message_type""")
			.param("client", clientId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Set<MessageTypeId> types = new LinkedHashSet<>();
		rows.stream().filter(row -> row[1] != null).forEach(row -> types.add(new MessageTypeId(row[1])));
		return Optional.of(new Choice(rows.get(0)[0], types));
	}
}
