package be.ebox.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import be.ebox.access.Role;
import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of roles and grants ({@code access_role}, {@code access_grant}); no rules here, see AccessManagement. */
@Repository
class MemberTable {

	record Row(AccountId account, Role role, boolean active) {
	}

	private final JdbcClient jdbc;

	MemberTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find(EnterpriseNumber enterprise, AccountId account) {
		return jdbc.sql("SELECT account_id, role, deactivated_at FROM access_role WHERE enterprise_number = ? AND account_id = ?")
			.params(enterprise.digits(), account.value())
			.query((rs, n) -> row(rs))
			.optional();
	}

	/** The role of an active member, empty for a deactivated one or a stranger. */
	Optional<Role> activeRole(EnterpriseNumber enterprise, AccountId account) {
		return find(enterprise, account).filter(Row::active).map(Row::role);
	}

	List<Row> all(EnterpriseNumber enterprise) {
		return jdbc.sql("SELECT account_id, role, deactivated_at FROM access_role WHERE enterprise_number = ? ORDER BY since, account_id")
			.param(enterprise.digits())
			.query((rs, n) -> row(rs))
			.list();
	}

	/** {@link #all(EnterpriseNumber)} of each of these enterprises, with one query; an enterprise without any: absent. */
	Map<EnterpriseNumber, List<Row>> all(Set<EnterpriseNumber> enterprises) {
		var rows = new HashMap<EnterpriseNumber, List<Row>>();
		if (enterprises.isEmpty()) {
			return rows;
		}
		jdbc.sql("""
				SELECT enterprise_number, account_id, role, deactivated_at FROM access_role
				WHERE enterprise_number IN (:enterprises) ORDER BY since, account_id""")
			.param("enterprises", enterprises.stream().map(EnterpriseNumber::digits).toList())
			.query(rs -> {
				rows.computeIfAbsent(EnterpriseNumber.parse(rs.getString("enterprise_number")), e -> new ArrayList<>())
					.add(row(rs));
			});
		return rows;
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(new AccountId(rs.getObject("account_id", UUID.class)), Role.valueOf(rs.getString("role")),
				rs.getObject("deactivated_at") == null);
	}

	void insert(EnterpriseNumber enterprise, AccountId account, Role role, Instant now) {
		jdbc.sql("INSERT INTO access_role (enterprise_number, account_id, role, main_of, since) VALUES (?, ?, ?, ?, ?)")
			.params(enterprise.digits(), account.value(), role.name(),
					role == Role.MAIN_ACCESS_MANAGER ? enterprise.digits() : null, at(now))
			.update();
	}

	void changeRole(EnterpriseNumber enterprise, AccountId account, Role role) {
		jdbc.sql("UPDATE access_role SET role = ?, main_of = ? WHERE enterprise_number = ? AND account_id = ?")
			.params(role.name(), role == Role.MAIN_ACCESS_MANAGER ? enterprise.digits() : null, enterprise.digits(),
					account.value())
			.update();
	}

	void setActive(EnterpriseNumber enterprise, AccountId account, boolean active, Instant now) {
		jdbc.sql("UPDATE access_role SET deactivated_at = ? WHERE enterprise_number = ? AND account_id = ?")
			.params(active ? null : at(now), enterprise.digits(), account.value())
			.update();
	}

	void delete(EnterpriseNumber enterprise, AccountId account) {
		jdbc.sql("DELETE FROM access_role WHERE enterprise_number = ? AND account_id = ?")
			.params(enterprise.digits(), account.value())
			.update();
	}

	List<Grant> grants(EnterpriseNumber enterprise, AccountId account) {
		return jdbc.sql("""
				SELECT message_type, ends_at, granted_by, granted_at FROM access_grant
				WHERE enterprise_number = ? AND account_id = ? ORDER BY message_type""")
			.params(enterprise.digits(), account.value())
			.query((rs, n) -> new Grant(new MessageTypeId(rs.getString("message_type")),
					instant(rs.getObject("ends_at", OffsetDateTime.class)), rs.getString("granted_by"),
					instant(rs.getObject("granted_at", OffsetDateTime.class))))
			.list();
	}

	/** The types a member reads through grants at this instant. */
	Set<MessageTypeId> activeGrantTypes(EnterpriseNumber enterprise, AccountId account, Instant now) {
		return Set.copyOf(jdbc.sql("""
				SELECT message_type FROM access_grant
				WHERE enterprise_number = ? AND account_id = ? AND (ends_at IS NULL OR ends_at > ?)""")
			.params(enterprise.digits(), account.value(), at(now))
			.query((rs, n) -> new MessageTypeId(rs.getString(1)))
			.list());
	}

	/** Inserts or replaces the grant (a new end date on an existing grant). */
	void grant(EnterpriseNumber enterprise, AccountId account, MessageTypeId type, Instant endsAt, String by, Instant now) {
		int updated = jdbc.sql("""
				UPDATE access_grant SET ends_at = ?, granted_by = ?, granted_at = ?
				WHERE enterprise_number = ? AND account_id = ? AND message_type = ?""")
			.params(endsAt == null ? null : at(endsAt), by, at(now), enterprise.digits(), account.value(), type.value())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO access_grant (enterprise_number, account_id, message_type, ends_at, granted_by, granted_at)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(enterprise.digits(), account.value(), type.value(), endsAt == null ? null : at(endsAt), by, at(now))
				.update();
		}
	}

	boolean revoke(EnterpriseNumber enterprise, AccountId account, MessageTypeId type) {
		return jdbc.sql("DELETE FROM access_grant WHERE enterprise_number = ? AND account_id = ? AND message_type = ?")
			.params(enterprise.digits(), account.value(), type.value())
			.update() > 0;
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}
}
