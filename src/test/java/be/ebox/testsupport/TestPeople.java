package be.ebox.testsupport;

import java.time.OffsetDateTime;
import java.util.UUID;

import be.ebox.WebSession;
import be.ebox.access.Role;
import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * People of enterprises for tests of the pages they use: an active account with a role in an e-Box (and grants), and
 * the one way tests sign them in — so that a change to sign-in (a second factor) is adapted here once.
 */
public class TestPeople {

	public static final String PASSWORD = "Correct horse battery staple 43";

	public record Person(AccountId account, String username, String password) {
	}

	private final JdbcClient jdbc;

	private final String hash;

	public TestPeople(JdbcClient jdbc, PasswordEncoder encoder) {
		this.jdbc = jdbc;
		this.hash = encoder.encode(PASSWORD);
	}

	/** A new active account without any role, speaking the language. */
	public Person account(String language) {
		String username = "in-" + UUID.randomUUID().toString().substring(0, 12);
		AccountId id = AccountId.random();
		jdbc.sql("""
				INSERT INTO identity_account (id, username, display_name, email, password_hash, state, language, created_at)
				VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""")
			.params(id.value(), username, "Name " + username, username + "@example.be", hash, language,
					OffsetDateTime.now())
			.update();
		return new Person(id, username, PASSWORD);
	}

	/** A new account with the role in the enterprise's e-Box. */
	public Person with(EnterpriseNumber enterprise, Role role) {
		Person person = account("en");
		join(person, enterprise, role);
		return person;
	}

	public void join(Person person, EnterpriseNumber enterprise, Role role) {
		jdbc.sql("INSERT INTO access_role (enterprise_number, account_id, role, main_of, since) VALUES (?, ?, ?, ?, ?)")
			.params(enterprise.digits(), person.account().value(), role.name(),
					role == Role.MAIN_ACCESS_MANAGER ? enterprise.digits() : null, OffsetDateTime.now())
			.update();
	}

	/** Lets a user read the messages of a protected type in the enterprise's e-Box, with no end. */
	public void grant(Person person, EnterpriseNumber enterprise, String messageType) {
		jdbc.sql("""
				INSERT INTO access_grant (enterprise_number, account_id, message_type, granted_by, granted_at)
				VALUES (?, ?, ?, 'test', ?)""")
			.params(enterprise.digits(), person.account().value(), messageType, OffsetDateTime.now())
			.update();
	}

	/** Signs the person in over HTTP, with the second step when e-Box asks for it. */
	public WebSession signIn(int port, Person person) {
		var session = new WebSession(port);
		session.signIn(person.username(), person.password(), jdbc);
		return session;
	}
}
