package be.ebox.testsupport;

import java.time.OffsetDateTime;
import java.util.UUID;

import be.ebox.WebSession;
import be.ebox.access.Role;
import be.ebox.console.SenderStaff;
import be.ebox.identity.AccountId;
import be.ebox.identity.Accounts;
import be.ebox.registry.EnterpriseNumber;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Person accounts for tests, made through the identity API: sender staff, and people with a role in an enterprise.
 * Every sign-in of these people goes through {@link #signIn}, so a change to the login (e.g. a second factor) is
 * adapted here once.
 */
public class TestAccounts {

	public record Person(AccountId account, String username, String password, String displayName) {
	}

	private final Accounts accounts;

	private final JdbcClient jdbc;

	public TestAccounts(Accounts accounts, JdbcClient jdbc) {
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	public Person account(String displayName, String language) {
		String username = "p-" + UUID.randomUUID().toString().substring(0, 12);
		String password = "Correct horse battery staple " + UUID.randomUUID();
		AccountId id = accounts.createPending(username, displayName, username + "@example.invalid", language);
		accounts.choosePassword(id, password);
		return new Person(id, username, password, displayName);
	}

	public Person staffOf(SenderStaff staff, EnterpriseNumber organisation, String language) {
		Person person = account("Staff " + UUID.randomUUID().toString().substring(0, 6), language);
		staff.assign(person.account(), organisation, "test");
		return person;
	}

	/** A role written as the access module keeps it (tests only: the pages grant roles through invitations). */
	public Person withRole(EnterpriseNumber enterprise, Role role, String displayName, String language) {
		Person person = account(displayName, language);
		jdbc.sql("INSERT INTO access_role (enterprise_number, account_id, role, main_of, since) VALUES (?, ?, ?, ?, ?)")
			.params(enterprise.digits(), person.account().value(), role.name(),
					role == Role.MAIN_ACCESS_MANAGER ? enterprise.digits() : null, OffsetDateTime.now())
			.update();
		return person;
	}

	public WebSession signIn(int port, Person person) {
		var session = new WebSession(port);
		session.signIn(person.username(), person.password(), jdbc);
		return session;
	}

	public void signIn(be.ebox.browser.Browser browser, Person person, String language) {
		browser.open("/login?lang=" + language);
		browser.signIn(person.username(), person.password());
	}
}
