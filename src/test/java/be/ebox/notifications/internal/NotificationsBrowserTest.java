package be.ebox.notifications.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import be.ebox.browser.Browser;
import be.ebox.browser.BrowserTest;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.testsupport.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The notification pages in a real browser, checked by axe-core in the four languages. */
@BrowserTest
class NotificationsBrowserTest {

	static final Map<String, String> HEADINGS = Map.of("nl", "Meldingen", "fr", "Notifications", "de",
			"Benachrichtigungen", "en", "Notifications");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	Outbox outbox;

	@Test
	void preferencesAndGeneralAddressPagesAreAccessibleInFourLanguages(Browser browser) {
		demo.install("demo-secret-for-tests");
		EnterpriseNumber ebox = new TestEnterprises(jdbc).legalPerson("Navigatrice SA", "Navigator NV");
		var person = new NotificationPeople(jdbc).manager(ebox, "nl", encoder.encode(PreferencesPageTest.PASSWORD));
		jdbc.sql("INSERT INTO access_designated_contact (enterprise_number, message_type, account_id) VALUES (?, ?, ?)")
			.params(ebox.digits(), DemoReferenceData.TASK_TYPE, person.account().value())
			.update();
		browser.open("/login?lang=en").fillById("username", person.username())
			.fillById("password", PreferencesPageTest.PASSWORD).submit();
		browser.clickLink("Notifications");
		for (String language : new String[] { "nl", "fr", "de", "en" }) {
			browser.open("/notifications?lang=" + language);
			assertThat(browser.heading()).isEqualTo(HEADINGS.get(language));
			assertThat(browser.language()).isEqualTo(language);
			browser.assertAccessible();
			browser.open("/notifications/ebox/" + ebox.digits() + "?lang=" + language);
			browser.assertAccessible();
		}
		browser.open("/notifications?lang=en");
		browser.fillById("address", "not an address");
		browser.clickButton("Save");
		assertThat(browser.text("#error-summary")).contains("Enter a valid e-mail address");
		browser.assertAccessible();

		browser.open("/notifications/confirm/unknown-token");
		assertThat(browser.heading()).isEqualTo("This link no longer works");
		browser.assertAccessible();
	}

	@Test
	void operatorPageIsAccessible(Browser browser) {
		String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("""
				INSERT INTO identity_account (id, username, display_name, password_hash, state, operator, language, created_at)
				VALUES (?, ?, ?, ?, 'ACTIVE', TRUE, 'en', CURRENT_TIMESTAMP)""")
			.params(UUID.randomUUID(), username, "Operator " + username, encoder.encode(PreferencesPageTest.PASSWORD))
			.update();
		EnterpriseNumber ebox = new TestEnterprises(jdbc).legalPerson("Opérée SA", "Bediend NV");
		outbox.add("browser-failed@example.be", "fr", Outbox.Kind.ALERT, Tally.of(ebox, Reason.NEW), Instant.now());
		long id = jdbc.sql("SELECT MAX(id) FROM notification_mail").query(Long.class).single();
		jdbc.sql("UPDATE notification_mail SET state = 'FAILED', last_error = 'refused' WHERE id = ?").param(id).update();

		browser.open("/login?lang=en").fillById("username", username).fillById("password", PreferencesPageTest.PASSWORD).submit();
		browser.clickLink("Notification e-mails");
		assertThat(browser.heading()).isEqualTo("Notification e-mails");
		browser.assertAccessible();
		browser.clickById("retry-" + id);
		assertThat(browser.text("#operator-notice")).isEqualTo("The e-mail will be sent again.");
		browser.assertAccessible();
		jdbc.sql("DELETE FROM notification_mail WHERE id = ?").param(id).update();
	}
}
