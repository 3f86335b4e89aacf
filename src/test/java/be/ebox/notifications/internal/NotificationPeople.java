package be.ebox.notifications.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

import be.ebox.access.Reader;
import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;
import org.springframework.jdbc.core.simple.JdbcClient;

/** People of an enterprise for the notification tests, written straight into the tables. */
final class NotificationPeople {

	record Person(AccountId account, String username, String email, EnterpriseNumber ebox) {

		Reader reader() {
			return Reader.ofEverything(ebox, Reader.Kind.PERSON, account.toString());
		}
	}

	private final JdbcClient jdbc;

	NotificationPeople(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An active access manager (reads every type) of the e-Box, with an e-mail address and a language. */
	Person manager(EnterpriseNumber ebox, String language, String passwordHash) {
		String username = "n-" + UUID.randomUUID().toString().substring(0, 12);
		AccountId id = AccountId.random();
		String email = username + "@example.be";
		jdbc.sql("""
				INSERT INTO identity_account (id, username, display_name, email, password_hash, state, language, created_at)
				VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""")
			.params(id.value(), username, "Name " + username, email, passwordHash, language, OffsetDateTime.now())
			.update();
		jdbc.sql("INSERT INTO access_role (enterprise_number, account_id, role, main_of, since) VALUES (?, ?, 'ACCESS_MANAGER', NULL, ?)")
			.params(ebox.digits(), id.value(), OffsetDateTime.now())
			.update();
		return new Person(id, username, email, ebox);
	}
}
