package be.ebox.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static be.ebox.access.internal.MemberTable.at;
import static be.ebox.access.internal.MemberTable.instant;

/** The SQL of mandates ({@code access_mandate} and its types and assignees). */
@Repository
class MandateTable {

	private final JdbcClient jdbc;

	MandateTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Mandate mandate, String by, Instant now) {
		jdbc.sql("""
				INSERT INTO access_mandate (id, client_enterprise, provider_enterprise, starts_at, ends_at, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(mandate.id(), mandate.client().digits(), mandate.provider().digits(), at(mandate.startsAt()),
					at(mandate.endsAt()), by, at(now))
			.update();
		for (MessageTypeId type : mandate.types()) {
			jdbc.sql("INSERT INTO access_mandate_type (mandate_id, message_type) VALUES (?, ?)")
				.params(mandate.id(), type.value())
				.update();
		}
	}

	boolean revoke(UUID id, EnterpriseNumber client, Instant now) {
		return jdbc.sql("UPDATE access_mandate SET revoked_at = ? WHERE id = ? AND client_enterprise = ? AND revoked_at IS NULL")
			.params(at(now), id, client.digits())
			.update() > 0;
	}

	Optional<Mandate> find(UUID id) {
		return jdbc.sql("SELECT * FROM access_mandate WHERE id = ?").param(id).query(this::mandate).optional();
	}

	List<Mandate> ofClient(EnterpriseNumber client) {
		return jdbc.sql("SELECT * FROM access_mandate WHERE client_enterprise = ? ORDER BY created_at DESC, id")
			.param(client.digits())
			.query(this::mandate)
			.list();
	}

	List<Mandate> ofProvider(EnterpriseNumber provider) {
		return jdbc.sql("SELECT * FROM access_mandate WHERE provider_enterprise = ? ORDER BY created_at DESC, id")
			.param(provider.digits())
			.query(this::mandate)
			.list();
	}

	/** The mandates on the client's e-Box in force right now, whose provider the person works for. */
	List<Mandate> inForce(EnterpriseNumber client, AccountId person, Instant now) {
		return jdbc.sql("""
				SELECT m.* FROM access_mandate m
				JOIN access_role r ON r.enterprise_number = m.provider_enterprise AND r.account_id = ?
				WHERE m.client_enterprise = ? AND m.revoked_at IS NULL AND m.starts_at <= ? AND m.ends_at > ?
				AND r.deactivated_at IS NULL
				AND (r.role <> 'USER' OR EXISTS (SELECT 1 FROM access_mandate_assignee a WHERE a.mandate_id = m.id AND a.account_id = r.account_id))
				ORDER BY m.provider_enterprise, m.id""")
			.params(person.value(), client.digits(), at(now), at(now))
			.query(this::mandate)
			.list();
	}

	void assign(UUID mandate, AccountId account) {
		int exists = jdbc.sql("SELECT COUNT(*) FROM access_mandate_assignee WHERE mandate_id = ? AND account_id = ?")
			.params(mandate, account.value())
			.query(Integer.class)
			.single();
		if (exists == 0) {
			jdbc.sql("INSERT INTO access_mandate_assignee (mandate_id, account_id) VALUES (?, ?)")
				.params(mandate, account.value())
				.update();
		}
	}

	void unassign(UUID mandate, AccountId account) {
		jdbc.sql("DELETE FROM access_mandate_assignee WHERE mandate_id = ? AND account_id = ?")
			.params(mandate, account.value())
			.update();
	}

	private Mandate mandate(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Set<MessageTypeId> types = new LinkedHashSet<>(jdbc.sql("SELECT message_type FROM access_mandate_type WHERE mandate_id = ? ORDER BY message_type")
			.param(id)
			.query((r, n) -> new MessageTypeId(r.getString(1)))
			.list());
		Set<AccountId> assignees = new LinkedHashSet<>(jdbc.sql("SELECT account_id FROM access_mandate_assignee WHERE mandate_id = ? ORDER BY account_id")
			.param(id)
			.query((r, n) -> new AccountId(r.getObject(1, UUID.class)))
			.list());
		return new Mandate(id, EnterpriseNumber.parse(rs.getString("client_enterprise")),
				EnterpriseNumber.parse(rs.getString("provider_enterprise")),
				instant(rs.getObject("starts_at", OffsetDateTime.class)), instant(rs.getObject("ends_at", OffsetDateTime.class)),
				instant(rs.getObject("revoked_at", OffsetDateTime.class)), types, assignees);
	}
}
