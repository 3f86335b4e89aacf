package be.ebox.access.internal;

import be.ebox.identity.AccountId;
import be.ebox.identity.SecondFactorRequirement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Issue 5: the main access manager and the access managers of any enterprise must use a second factor. */
@Component
class AccessManagersNeedSecondFactor implements SecondFactorRequirement {

	private final JdbcClient jdbc;

	AccessManagersNeedSecondFactor(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean requiresSecondFactor(AccountId account) {
		return jdbc.sql("SELECT COUNT(*) FROM access_role WHERE account_id = ? AND role <> 'USER' AND deactivated_at IS NULL")
			.param(account.value())
			.query(Long.class)
			.single() > 0;
	}
}
