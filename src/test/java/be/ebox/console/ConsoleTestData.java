package be.ebox.console;

import java.time.OffsetDateTime;
import java.util.UUID;

import be.ebox.identity.AccountId;
import be.ebox.identity.Accounts;
import be.ebox.identity.EboxUser;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.testsupport.TestEnterprises;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sender organisations with one application and one type each, and staff accounts, for the console tests. */
final class ConsoleTestData {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final SenderStaff staff;

	ConsoleTestData(JdbcClient jdbc, Accounts accounts, SenderStaff staff) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.staff = staff;
	}

	/** Another institution: its own number, application {@code <suffix>.test} and unprotected type. */
	record Organisation(EnterpriseNumber number, String application, String type) {
	}

	Organisation organisation(String name) {
		var number = TestEnterprises.freshNumber();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		var now = OffsetDateTime.now();
		jdbc.sql("""
				INSERT INTO sender_organisation (enterprise_number, short_name_nl, short_name_fr, short_name_de,
					short_name_en, long_name_nl, long_name_fr, long_name_de, long_name_en, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(number.digits(), name, name, name, name, name, name, name, name, now, now)
			.update();
		String application = "app-" + suffix + ".test";
		jdbc.sql("""
				INSERT INTO sender_application (id, organisation, name_nl, name_fr, name_de, name_en, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(application, number.digits(), name + " app", name + " app", name + " app", name + " app", now, now)
			.update();
		String type = "Type" + suffix;
		jdbc.sql("""
				INSERT INTO message_type (id, organisation, name_nl, name_fr, name_de, name_en, validity_value,
					validity_unit, protected, kind, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, 1, 'YEAR', FALSE, 'DOCUMENT', ?, ?)""")
			.params(type, number.digits(), "Type " + name, "Type " + name, "Type " + name, "Type " + name, now, now)
			.update();
		return new Organisation(number, application, type);
	}

	/** A new active person account, staff of the organisation; the user as the security context holds it. */
	EboxUser staffOf(EnterpriseNumber organisation) {
		EboxUser user = person();
		staff.assign(user.accountId(), organisation, "test");
		return user;
	}

	EboxUser person() {
		String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);
		AccountId id = accounts.createPending(username, "Staff " + username, username + "@example.invalid", "en");
		accounts.choosePassword(id, "Correct horse battery staple " + UUID.randomUUID());
		return new EboxUser(id, username, "Staff " + username, null, true, false);
	}
}
