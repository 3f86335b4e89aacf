package be.ebox.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import be.ebox.messages.Message;
import be.ebox.messages.MessageActions;
import be.ebox.messages.MessageId;
import be.ebox.messages.Publications;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;
import be.ebox.testsupport.Mailbox;
import be.ebox.testsupport.MutableClock;
import be.ebox.testsupport.MutableClockConfiguration;
import be.ebox.testsupport.TestEnterprises;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications end to end with a real SMTP server (GreenMail) and a movable clock: what the e-mails say (and do not
 * say), when reminders come and what cancels them, SMTP down and up again, a crash while sending, and the daily
 * summary across the daylight-saving changes. The summary hour is 02:00 here, the hour that the changes disturb.
 */
@SpringBootTest(properties = { "ebox.notifications.summary-hour=2", "ebox.notifications.retry-base=1m" })
@Import(MutableClockConfiguration.class)
class NotificationFlowTest {

	static final SenderApplicationId APPLICATION = new SenderApplicationId(DemoReferenceData.APPLICATION);

	static final String SUBJECT = "Geheime verkiezingsbrief Ωmega";

	static final String BODY = "Vertrouwelijke inhoud 4711";

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	Publications publications;

	@Autowired
	MessageActions actions;

	@Autowired
	AlertWorker alerts;

	@Autowired
	MailDelivery delivery;

	@Autowired
	DailySummary summary;

	@Autowired
	Preferences preferences;

	@Autowired
	ReminderSchedules schedules;

	@Autowired
	Outbox outbox;

	@Autowired
	MutableClock clock;

	Mailbox mail;

	EnterpriseNumber ebox;

	NotificationPeople.Person person;

	@BeforeEach
	void setUp() {
		demo.install("demo-secret-for-tests");
		ebox = new TestEnterprises(jdbc).legalPerson("Notifiée SA", "Genotificeerd NV");
		person = new NotificationPeople(jdbc).manager(ebox, "fr", null);
		mail = Mailbox.start(environment);
	}

	@AfterEach
	void tearDown() {
		mail.close();
		clock.reset();
	}

	@Test
	void aNewMessageIsToldAtOnceInTheRecipientsLanguageWithoutSubjectContentOrSender() throws Exception {
		preferences.saveMode(person.account(), new MessageTypeId(DemoReferenceData.UNPROTECTED_TYPE), Mode.AT_ONCE);
		publish(DemoReferenceData.UNPROTECTED_TYPE, null, null);

		alerts.handleAllDue();
		delivery.deliverAll();

		MimeMessage received = only(person.email());
		assertThat(received.getSubject()).isEqualTo("e-Box : quelque chose vous attend");
		assertThat(received.getHeader("Message-ID")[0]).startsWith("<notification-");
		String text = part(received, "text/plain");
		String html = part(received, "text/html");
		assertThat(text).contains("1 nouveau message dans l'e-Box de l'entreprise " + ebox.formatted())
			.contains("/ebox");
		assertThat(html).contains("lang=\"fr\"").contains("1 nouveau message");
		String everything = GreenMailUtil.getWholeMessage(received);
		for (String secret : List.of(SUBJECT, BODY, "Ωmega", "4711", "SPF Emploi", "FOD Werkgelegenheid", "Employment",
				DemoReferenceData.APPLICATION, DemoReferenceData.ORGANISATION, "lections sociales")) {
			assertThat(everything).as("the e-mail must not reveal " + secret).doesNotContain(secret);
		}
	}

	@Test
	void unreadAfterFifteenDaysUnlessRead() throws Exception {
		preferences.saveMode(person.account(), new MessageTypeId(DemoReferenceData.UNPROTECTED_TYPE), Mode.AT_ONCE);
		publish(DemoReferenceData.UNPROTECTED_TYPE, null, null);
		MessageId read = publish(DemoReferenceData.UNPROTECTED_TYPE, null, null);
		alerts.handleAllDue();
		delivery.deliverAll();
		assertThat(to(person.email())).hasSize(2);
		assertThat(actions.openMainContent(person.reader(), read)).isTrue();

		clock.advance(Duration.ofDays(15).minusMinutes(5));
		alerts.handleAllDue();
		delivery.deliverAll();
		assertThat(to(person.email())).as("not yet 15 days").hasSize(2);

		clock.advance(Duration.ofMinutes(10));
		alerts.handleAllDue();
		delivery.deliverAll();
		List<MimeMessage> all = to(person.email());
		assertThat(all).as("one reminder: the read message's was cancelled").hasSize(3);
		assertThat(part(all.get(2), "text/plain")).contains("1 message toujours non lu");
		assertThat(jdbc.sql("SELECT outcome FROM notification_alert WHERE message_id = ? AND reason = 'UNREAD'")
			.param(read.value()).query(String.class).single()).isEqualTo("SETTLED");
	}

	@Test
	void expiringWhileUnreadIsToldSevenDaysBefore() throws Exception {
		preferences.saveMode(person.account(), new MessageTypeId(DemoReferenceData.UNPROTECTED_TYPE), Mode.AT_ONCE);
		publish(DemoReferenceData.UNPROTECTED_TYPE, null, clock.instant().plus(Duration.ofDays(10)));
		alerts.handleAllDue();
		delivery.deliverAll();
		clock.advance(Duration.ofDays(3).minusMinutes(5));
		alerts.handleAllDue();
		delivery.deliverAll();
		assertThat(to(person.email())).hasSize(1);
		clock.advance(Duration.ofMinutes(10));
		alerts.handleAllDue();
		delivery.deliverAll();
		assertThat(to(person.email())).hasSize(2);
		assertThat(part(to(person.email()).get(1), "text/plain")).contains("1 message non lu expire bientôt");
		clock.advance(Duration.ofDays(30));
		alerts.handleAllDue();
		delivery.deliverAll();
		assertThat(to(person.email())).as("no unread reminder after the expiry").hasSize(2);
	}

	@Test
	void taskRemindersFollowTheSendersScheduleAndStopWhenDone() throws Exception {
		var task = new MessageTypeId(DemoReferenceData.TASK_TYPE);
		preferences.saveMode(person.account(), task, Mode.AT_ONCE);
		schedules.set(task, List.of(10, 3));
		LocalDate due = clock.instant().atZone(BRUSSELS).toLocalDate().plusDays(20);
		MessageId id = publish(DemoReferenceData.TASK_TYPE, due, null);
		alerts.handleAllDue();
		delivery.deliverAll();
		assertThat(to(person.email())).as("new task").hasSize(1);
		assertThat(actions.openMainContent(person.reader(), id)).as("read, so no unread reminder; still to do").isTrue();

		moveTo(due.minusDays(10).atStartOfDay(BRUSSELS).toInstant().plusSeconds(60));
		alerts.handleAllDue();
		delivery.deliverAll();
		assertThat(to(person.email())).as("10 days before").hasSize(2);
		assertThat(part(to(person.email()).get(1), "text/plain")).contains("1 tâche arrive bientôt à échéance");

		moveTo(due.minusDays(3).atStartOfDay(BRUSSELS).toInstant().plusSeconds(60));
		alerts.handleAllDue();
		delivery.deliverAll();
		assertThat(to(person.email())).as("3 days before").hasSize(3);

		assertThat(actions.markDone(person.reader(), id)).isTrue();
		moveTo(due.plusDays(2).atStartOfDay(BRUSSELS).toInstant());
		alerts.handleAllDue();
		delivery.deliverAll();
		assertThat(to(person.email())).as("done: no overdue reminder").hasSize(3);
		schedules.set(task, List.of());
	}

	@Test
	void overdueTaskAndMissingAcknowledgementAreReminded() throws Exception {
		var task = new MessageTypeId(DemoReferenceData.TASK_TYPE);
		preferences.saveMode(person.account(), task, Mode.AT_ONCE);
		LocalDate due = clock.instant().atZone(BRUSSELS).toLocalDate().plusDays(2);
		publish(DemoReferenceData.TASK_TYPE, due, null, true);
		alerts.handleAllDue();
		moveTo(due.plusDays(8).atStartOfDay(BRUSSELS).toInstant());
		alerts.handleAllDue();
		delivery.deliverAll();
		String all = to(person.email()).stream().map(m -> part(m, "text/plain")).reduce("", String::concat);
		assertThat(all).contains("1 tâche est en retard").contains("1 accusé de réception manque encore");
	}

	@Test
	void smtpDownThenUpDeliversEverythingOnce() throws Exception {
		preferences.saveMode(person.account(), new MessageTypeId(DemoReferenceData.UNPROTECTED_TYPE), Mode.AT_ONCE);
		for (int i = 0; i < 3; i++) {
			publish(DemoReferenceData.UNPROTECTED_TYPE, null, null);
		}
		alerts.handleAllDue();
		mail.close();
		delivery.deliverAll();
		delivery.deliverAll();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_mail WHERE address = ? AND state = 'PENDING' AND attempts = 1")
			.param(person.email()).query(Long.class).single()).as("waiting for the next attempt").isEqualTo(3);

		clock.advance(Duration.ofHours(3));
		delivery.deliverAll();
		assertThat(jdbc.sql("SELECT MAX(attempts) FROM notification_mail WHERE address = ?")
			.param(person.email()).query(Integer.class).single()).as("backoff: one more attempt in 3 hours' time").isEqualTo(2);

		mail = Mailbox.start(environment);
		clock.advance(Duration.ofHours(1));
		delivery.deliverAll();
		delivery.deliverAll();
		assertThat(to(person.email())).hasSize(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_mail WHERE address = ? AND state = 'SENT'")
			.param(person.email()).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void aCrashWhileSendingSendsNothingTwiceAndLeavesItToTheOperator() throws Exception {
		Instant now = clock.instant();
		outbox.add(person.email(), "nl", Outbox.Kind.ALERT, Tally.of(ebox, Reason.NEW), now);
		long id = jdbc.sql("SELECT MAX(id) FROM notification_mail WHERE address = ?").param(person.email()).query(Long.class).single();
		// an instance claimed it and died before recording the result
		jdbc.sql("UPDATE notification_mail SET state = 'SENDING', attempts = 1, lease_until = ? WHERE id = ?")
			.params(Times.db(now.plusSeconds(60)), id).update();
		delivery.deliverAll();
		assertThat(delivery.sweepInterrupted()).as("lease still running").isZero();
		clock.advance(Duration.ofMinutes(2));
		delivery.deliverAll();
		assertThat(delivery.sweepInterrupted()).isEqualTo(1);
		delivery.deliverAll();
		assertThat(to(person.email())).as("maybe delivered already: never sent again on its own").isEmpty();
		assertThat(outbox.failed(100)).anySatisfy(f -> assertThat(f.id()).isEqualTo(id));

		assertThat(outbox.retry(id, clock.instant())).isTrue();
		delivery.deliverAll();
		assertThat(to(person.email())).hasSize(1);
		assertThat(part(to(person.email()).get(0), "text/plain")).contains("1 nieuw bericht");
	}

	@Test
	void dailySummaryAtTwoOClockBrusselsOnTheSpringForwardSunday() throws Exception {
		LocalDate sunday = LocalDate.of(2027, 3, 28);
		assertThat(summary.dueAt(sunday.minusDays(1))).isEqualTo(Instant.parse("2027-03-27T01:00:00Z"));
		assertThat(summary.dueAt(sunday)).as("02:00 does not exist: 03:00 CEST").isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
		assertThat(summary.dueAt(sunday.plusDays(1))).isEqualTo(Instant.parse("2027-03-29T00:00:00Z"));
		jdbc.sql("DELETE FROM notification_summary_run WHERE summary_day = ?").param(sunday).update();

		moveTo(Instant.parse("2027-03-27T23:30:00Z"));
		jdbc.sql("DELETE FROM notification_summary_run WHERE summary_day = ?").param(sunday.minusDays(1)).update();
		jdbc.sql("INSERT INTO notification_summary_run (summary_day, started_at, finished_at) VALUES (?, ?, ?)")
			.params(sunday.minusDays(1), Times.db(clock.instant()), Times.db(clock.instant())).update();
		publish(DemoReferenceData.UNPROTECTED_TYPE, null, null);
		publish(DemoReferenceData.UNPROTECTED_TYPE, null, null);
		alerts.handleAllDue();
		moveTo(Instant.parse("2027-03-28T00:59:00Z"));
		assertThat(summary.tick()).as("01:59 CET").isFalse();
		moveTo(Instant.parse("2027-03-28T01:00:30Z"));
		assertThat(summary.tick()).as("03:00 CEST").isTrue();
		assertThat(summary.tick()).isFalse();
		delivery.deliverAll();
		MimeMessage received = only(person.email());
		assertThat(received.getSubject()).isEqualTo("e-Box : votre résumé quotidien");
		assertThat(part(received, "text/plain")).contains("2 nouveaux messages dans l'e-Box de l'entreprise " + ebox.formatted());
	}

	@Test
	void dailySummaryOnceOnTheFallBackSundayWhenTwoOClockHappensTwice() throws Exception {
		LocalDate sunday = LocalDate.of(2027, 10, 31);
		assertThat(summary.dueAt(sunday)).as("the first 02:00, still CEST").isEqualTo(Instant.parse("2027-10-31T00:00:00Z"));
		assertThat(summary.dueAt(sunday.plusDays(1))).isEqualTo(Instant.parse("2027-11-01T01:00:00Z"));
		jdbc.sql("DELETE FROM notification_summary_run WHERE summary_day = ?").param(sunday).update();

		moveTo(Instant.parse("2027-10-30T23:30:00Z"));
		publish(DemoReferenceData.UNPROTECTED_TYPE, null, null);
		MessageId read = publish(DemoReferenceData.UNPROTECTED_TYPE, null, null);
		alerts.handleAllDue();
		assertThat(actions.openMainContent(person.reader(), read)).isTrue();
		moveTo(Instant.parse("2027-10-30T23:59:00Z"));
		assertThat(summary.tick()).as("01:59 CEST").isFalse();
		moveTo(Instant.parse("2027-10-31T00:00:30Z"));
		assertThat(summary.tick()).as("02:00 CEST").isTrue();
		delivery.deliverAll();
		publish(DemoReferenceData.UNPROTECTED_TYPE, null, null);
		alerts.handleAllDue();
		moveTo(Instant.parse("2027-10-31T01:00:30Z"));
		assertThat(summary.tick()).as("02:00 CET, the second time").isFalse();
		delivery.deliverAll();
		MimeMessage received = only(person.email());
		assertThat(part(received, "text/plain")).as("the read one no longer counts")
			.contains("1 nouveau message dans l'e-Box");
	}

	private MessageId publish(String type, LocalDate due, Instant expiresAt) {
		return publish(type, due, expiresAt, false);
	}

	private MessageId publish(String type, LocalDate due, Instant expiresAt, boolean acknowledgement) {
		var outgoing = new Publications.Outgoing(APPLICATION, ebox, new MessageTypeId(type),
				Map.of("nl", new Message.Content("nl", SUBJECT, BODY)), true, List.of(), null, due, acknowledgement,
				false, Map.of(), null, expiresAt);
		return publications.publish(outgoing).id();
	}

	private void moveTo(Instant target) {
		clock.advance(Duration.between(clock.instant(), target));
	}

	private List<MimeMessage> to(String address) {
		return Arrays.stream(mail.received()).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private MimeMessage only(String address) {
		List<MimeMessage> all = to(address);
		assertThat(all).hasSize(1);
		return all.get(0);
	}

	static String part(MimeMessage message, String type) {
		try {
			return find(message.getContent(), type);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String find(Object content, String type) throws Exception {
		if (content instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				var bodyPart = multipart.getBodyPart(i);
				if (bodyPart.isMimeType(type)) {
					return bodyPart.getContent().toString();
				}
				String inner = find(bodyPart.getContent(), type);
				if (inner != null) {
					return inner;
				}
			}
		}
		return null;
	}
}
