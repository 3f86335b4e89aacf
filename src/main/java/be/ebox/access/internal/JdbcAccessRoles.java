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
		return jdbc.sql("SELECT enterprise_number, role FROM access_role WHERE account_id = ? ORDER BY enterprise_number")
			.param(account.value())
			.query((rs, row) -> new EnterpriseRole(EnterpriseNumber.parse(rs.getString("enterprise_number")),
					Role.valueOf(rs.getString("role"))))
			.list();
	}
}
