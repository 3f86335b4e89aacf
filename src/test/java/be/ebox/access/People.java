package be.ebox.access;

import java.time.OffsetDateTime;
import java.util.UUID;

import be.ebox.WebSession;
import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

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
		String username = "p-" + UUID.randomUUID().toString().substring(0, 12);
		AccountId id = AccountId.random();
		jdbc.sql("""
				INSERT INTO identity_account (id, username, display_name, email, password_hash, state, language, created_at)
				VALUES (?, ?, ?, ?, ?, 'ACTIVE', 'en', ?)""")
			.params(id.value(), username, "Name " + username, username + "@example.be", hash, OffsetDateTime.now())
			.update();
		return new Person(id, username, signIn(username));
	}

	/** A new account with the role in the enterprise, signed in. */
	Person with(EnterpriseNumber enterprise, Role role) {
		Person person = account();
		join(person, enterprise, role);
		return person;
	}

	void join(Person person, EnterpriseNumber enterprise, Role role) {
		jdbc.sql("INSERT INTO access_role (enterprise_number, account_id, role, main_of, since) VALUES (?, ?, ?, ?, ?)")
			.params(enterprise.digits(), person.account().value(), role.name(),
					role == Role.MAIN_ACCESS_MANAGER ? enterprise.digits() : null, OffsetDateTime.now())
			.update();
	}

	WebSession signIn(String username) {
		var session = new WebSession(port);
		session.get("/login");
		var response = session.postForm("/login", "username=" + username + "&password=" + WebSession.encode(PASSWORD));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).get().asString().doesNotContain("error");
		return session;
	}

	PasswordEncoder encoder() {
		return encoder;
	}
}
