package be.ebox.access.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import be.ebox.access.AccessRoles;
import be.ebox.access.EnterpriseRole;
import be.ebox.access.Role;
import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcAccessRoles implements AccessRoles {

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcAccessRoles(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void appointMainAccessManager(EnterpriseNumber enterprise, AccountId account) {
		jdbc.sql("INSERT INTO access_role (enterprise_number, account_id, role, main_of, since) VALUES (?, ?, ?, ?, ?)")
			.params(enterprise.digits(), account.value(), Role.MAIN_ACCESS_MANAGER.name(), enterprise.digits(),
					OffsetDateTime.now(clock))
			.update();
	}

	@Override
	public List<EnterpriseRole> rolesOf(AccountId account) {
		return jdbc.sql("SELECT enterprise_number, role FROM access_role WHERE account_id = ? AND deactivated_at IS NULL ORDER BY enterprise_number")
			.param(account.value())
			.query((rs, row) -> new EnterpriseRole(EnterpriseNumber.parse(rs.getString("enterprise_number")),
					Role.valueOf(rs.getString("role"))))
			.list();
	}

	@Override
	public List<EnterpriseNumber> mandatedEboxes(AccountId account) {
		return jdbc.sql("""
				SELECT DISTINCT m.client_enterprise FROM access_mandate m
				JOIN access_role r ON r.enterprise_number = m.provider_enterprise AND r.account_id = ?
				WHERE m.revoked_at IS NULL AND m.starts_at <= ? AND m.ends_at > ? AND r.deactivated_at IS NULL
				AND (r.role <> 'USER' OR EXISTS (SELECT 1 FROM access_mandate_assignee a WHERE a.mandate_id = m.id AND a.account_id = r.account_id))
				ORDER BY m.client_enterprise""")
			.params(account.value(), OffsetDateTime.now(clock), OffsetDateTime.now(clock))
			.query((rs, row) -> EnterpriseNumber.parse(rs.getString(1)))
			.list();
	}
}
