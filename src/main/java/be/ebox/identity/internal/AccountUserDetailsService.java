package be.ebox.identity.internal;

import be.ebox.identity.AccountState;
import be.ebox.identity.EboxUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	AccountUserDetailsService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql("SELECT * FROM identity_account WHERE username = ?")
			.param(JdbcAccounts.normalize(username))
			.query((rs, row) -> {
				var account = JdbcAccounts.account(rs, row);
				return new EboxUser(account.id(), account.username(), account.displayName(), rs.getString("password_hash"),
						account.state() == AccountState.ACTIVE && rs.getString("password_hash") != null, account.operator());
			})
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
	}
}
