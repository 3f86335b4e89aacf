package be.ebox.notifications.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.ebox.WebSession;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.MessageTypeId;
import be.ebox.testsupport.Mailbox;
import be.ebox.testsupport.TestEnterprises;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The preferences page, the e-Box's general address and the operator page over HTTP, with a real SMTP server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PreferencesPageTest {

	static final String PASSWORD = "Correct horse battery staple 42";

	static final Pattern LINK = Pattern.compile("/notifications/confirm/([A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	Environment environment;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	Preferences preferences;

	@Autowired
	Outbox outbox;

	Mailbox mail;

	EnterpriseNumber ebox;

	NotificationPeople.Person manager;

	WebSession web;

	@BeforeEach
	void setUp() {
		demo.install("demo-secret-for-tests");
		ebox = new TestEnterprises(jdbc).legalPerson("Préférée SA", "Voorkeur NV");
		manager = new NotificationPeople(jdbc).manager(ebox, "en", encoder.encode(PASSWORD));
		jdbc.sql("INSERT INTO access_designated_contact (enterprise_number, message_type, account_id) VALUES (?, ?, ?)")
			.params(ebox.digits(), DemoReferenceData.TASK_TYPE, manager.account().value())
			.update();
		web = signIn(manager.username());
		mail = Mailbox.start(environment);
	}

	@AfterEach
	void tearDown() {
		mail.close();
	}

	@Test
	void choicesAreSavedAndNeverIsRefusedForTheTypesOfADesignatedContact() {
		var page = web.get("/notifications?lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Social elections phase").contains("You are the designated contact")
			.contains("id=\"mode-" + DemoReferenceData.UNPROTECTED_TYPE + "\"");

		var refused = web.postForm("/notifications", form("fr", "NEVER", "NEVER"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("You are the designated contact for this type: choose at once or daily summary.");
		assertThat(preferences.mode(manager.account(), new MessageTypeId(DemoReferenceData.UNPROTECTED_TYPE)))
			.as("nothing saved").isEqualTo(Mode.DAILY);

		var saved = web.postForm("/notifications", form("fr", "NEVER", "AT_ONCE"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(preferences.mode(manager.account(), new MessageTypeId(DemoReferenceData.UNPROTECTED_TYPE))).isEqualTo(Mode.NEVER);
		assertThat(preferences.mode(manager.account(), new MessageTypeId(DemoReferenceData.TASK_TYPE))).isEqualTo(Mode.AT_ONCE);
		assertThat(preferences.contactOf(manager.account()).orElseThrow().language()).isEqualTo("fr");

		var badLanguage = web.postForm("/notifications", form("xx", "DAILY", "DAILY"));
		assertThat(badLanguage.statusCode()).isEqualTo(400);
		assertThat(badLanguage.body()).contains("Choose one of the four languages.");
	}

	@Test
	void aNewAddressIsUsedOnlyOnceItsLinkIsOpened() throws Exception {
		web.get("/notifications?lang=en");
		var bad = web.postForm("/notifications", form("en", "DAILY", "DAILY") + "&address=" + WebSession.encode("not an address"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("Enter a valid e-mail address");
		assertThat(mail.received()).isEmpty();

		var saved = web.postForm("/notifications", form("en", "DAILY", "DAILY") + "&address=" + WebSession.encode("new.box@example.be"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(preferences.contactOf(manager.account()).orElseThrow().address()).as("not verified yet").isEqualTo(manager.email());
		assertThat(mail.last().getAllRecipients()[0].toString()).isEqualTo("new.box@example.be");
		Matcher link = LINK.matcher(GreenMailUtil.getBody(mail.last()).replace("=\r\n", ""));
		assertThat(link.find()).isTrue();

		var stranger = signIn(new NotificationPeople(jdbc).manager(ebox, "en", encoder.encode(PASSWORD)).username());
		assertThat(stranger.get(link.group()).statusCode()).as("someone else's link").isEqualTo(404);

		var confirmed = web.get(link.group());
		assertThat(confirmed.statusCode()).as("used by the stranger's attempt").isEqualTo(404);

		web.postForm("/notifications", form("en", "DAILY", "DAILY") + "&address=" + WebSession.encode("new.box@example.be"));
		link = LINK.matcher(GreenMailUtil.getBody(mail.last()).replace("=\r\n", ""));
		assertThat(link.find()).isTrue();
		confirmed = web.get(link.group());
		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(confirmed.body()).contains("Notifications now go to new.box@example.be.");
		assertThat(preferences.contactOf(manager.account()).orElseThrow().address()).isEqualTo("new.box@example.be");
		assertThat(web.get(link.group()).statusCode()).as("works once").isEqualTo(404);
	}

	@Test
	void theGeneralAddressIsForAccessManagersOfThatEboxOnly() throws Exception {
		var user = new NotificationPeople(jdbc).manager(new TestEnterprises(jdbc).legalPerson("Autre SA", "Ander NV"), "en",
				encoder.encode(PASSWORD));
		assertThat(signIn(user.username()).get("/notifications/ebox/" + ebox.digits()).statusCode()).isEqualTo(404);
		assertThat(web.get("/notifications/ebox/0000000000").statusCode()).isEqualTo(404);

		assertThat(web.get("/notifications/ebox/" + ebox.digits() + "?lang=en").body()).contains("This e-Box has no general address yet.");
		var sent = web.postForm("/notifications/ebox/" + ebox.digits(), "address=" + WebSession.encode("info@preferee.be") + "&language=fr");
		assertThat(sent.statusCode()).isEqualTo(302);
		Matcher link = LINK.matcher(GreenMailUtil.getBody(mail.last()).replace("=\r\n", ""));
		assertThat(link.find()).isTrue();
		assertThat(mail.last().getSubject()).isEqualTo("e-Box : confirmez votre adresse de notification");
		assertThat(web.get(link.group()).statusCode()).isEqualTo(200);
		assertThat(preferences.eboxAddress(ebox)).get().isEqualTo(new Preferences.Contact("info@preferee.be", "fr"));

		web.get("/notifications/ebox/" + ebox.digits());
		assertThat(web.postForm("/notifications/ebox/" + ebox.digits() + "/remove", "").statusCode()).isEqualTo(302);
		assertThat(preferences.eboxAddress(ebox)).isEmpty();
	}

	@Test
	void theOperatorSeesTheOutboxAndRetriesAFailedEmail() {
		outbox.add("failed@example.be", "nl", Outbox.Kind.ALERT, Tally.of(ebox, Reason.NEW), java.time.Instant.now());
		long id = jdbc.sql("SELECT MAX(id) FROM notification_mail").query(Long.class).single();
		jdbc.sql("UPDATE notification_mail SET state = 'FAILED', attempts = 20, last_error = 'refused' WHERE id = ?").param(id).update();

		assertThat(web.get("/operator/notifications").statusCode()).as("people are not operators").isIn(302, 403);
		var operator = WebSession.operator(port, jdbc, encoder);
		var page = operator.get("/operator/notifications?lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Oldest waiting for").contains("id=\"mail-" + id + "\"").contains("failed@example.be");
		assertThat(operator.postForm("/operator/notifications/" + id + "/retry", "").statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT state FROM notification_mail WHERE id = ?").param(id).query(String.class).single()).isEqualTo("PENDING");
		jdbc.sql("DELETE FROM notification_mail WHERE id = ?").param(id).update();
	}

	private String form(String language, String unprotectedMode, String taskMode) {
		return "language=" + language + "&mode-" + DemoReferenceData.UNPROTECTED_TYPE + "=" + unprotectedMode + "&mode-"
				+ DemoReferenceData.PROTECTED_TYPE + "=DAILY&mode-" + DemoReferenceData.TASK_TYPE + "=" + taskMode;
	}

	private WebSession signIn(String username) {
		var session = new WebSession(port);
		session.signIn(username, PASSWORD, jdbc);
		return session;
	}
}
