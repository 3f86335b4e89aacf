package be.ebox.access;

import java.time.OffsetDateTime;
import java.util.UUID;

import be.ebox.WebSession;
import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** People of enterprises for the access tests: an account with a role, and a signed-in web session for it. */
final class People {

	static final String PASSWORD = "Correct horse battery staple 42";

	record Person(AccountId account, String username, WebSession web) {
	}

	private final int port;

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final String hash;

	People(int port, JdbcClient jdbc, PasswordEncoder encoder) {
		this.port = port;
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.hash = encoder.encode(PASSWORD);
	}

	/** A new active account (no role anywhere), signed in. */
	Person account() {
		AccountId id = newAccount();
		String username = username(id);
		return new Person(id, username, signIn(username));
	}

	/**
	 * A new account with the role in the enterprise, signed in (an access manager with the second factor, through
	 * {@link WebSession#signIn}).
	 */
	Person with(EnterpriseNumber enterprise, Role role) {
		AccountId id = newAccount();
		insertRole(id, enterprise, role);
		String username = username(id);
		return new Person(id, username, signIn(username));
	}

	/**
	 * Gives a person a role; one who becomes an access manager signs in again in the same web session (e-Box asks the
	 * second factor of an access manager at the next request, also in an open session).
	 */
	void join(Person person, EnterpriseNumber enterprise, Role role) {
		insertRole(person.account(), enterprise, role);
		if (role.managesAccess()) {
			person.web().signIn(person.username(), PASSWORD, jdbc);
		}
	}

	WebSession signIn(String username) {
		var session = new WebSession(port);
		session.signIn(username, PASSWORD, jdbc);
		return session;
	}

	/** A new account with the role in the enterprise, not signed in (to walk through signing in step by step). */
	Person notSignedIn(EnterpriseNumber enterprise, Role role) {
		AccountId id = newAccount();
		insertRole(id, enterprise, role);
		return new Person(id, username(id), new WebSession(port));
	}

	private AccountId newAccount() {
		String username = "p-" + UUID.randomUUID().toString().substring(0, 12);
		AccountId id = AccountId.random();
		jdbc.sql("""
				INSERT INTO identity_account (id, username, display_name, email, password_hash, state, language, created_at)
				VALUES (?, ?, ?, ?, ?, 'ACTIVE', 'en', ?)""")
			.params(id.value(), username, "Name " + username, username + "@example.be", hash, OffsetDateTime.now())
			.update();
		return id;
	}

	private String username(AccountId id) {
		return jdbc.sql("SELECT username FROM identity_account WHERE id = ?").param(id.value()).query(String.class).single();
	}

	private void insertRole(AccountId account, EnterpriseNumber enterprise, Role role) {
		jdbc.sql("INSERT INTO access_role (enterprise_number, account_id, role, main_of, since) VALUES (?, ?, ?, ?, ?)")
			.params(enterprise.digits(), account.value(), role.name(),
					role == Role.MAIN_ACCESS_MANAGER ? enterprise.digits() : null, OffsetDateTime.now())
			.update();
	}

	PasswordEncoder encoder() {
		return encoder;
	}
}
