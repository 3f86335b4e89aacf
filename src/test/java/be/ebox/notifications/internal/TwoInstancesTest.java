package be.ebox.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import be.ebox.EboxApplication;
import be.ebox.messages.Message;
import be.ebox.messages.Publications;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;
import be.ebox.testsupport.TestEnterprises;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances, each with its own sender threads and timer, on one PostgreSQL database and one SMTP
 * server: every alert becomes its e-mails once and every e-mail is delivered exactly once.
 */
@EnabledIfEnvironmentVariable(named = "EBOX_TEST_POSTGRES_URL", matches = ".+")
class TwoInstancesTest {

	@Test
	void eachEmailIsDeliveredExactlyOnce() throws Exception {
		int port = Integer.parseInt(System.getenv().getOrDefault("EBOX_TEST_SMTP_PORT", "3125"));
		var smtp = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		try (var first = instance(port); var second = instance(port)) {
			var jdbc = first.getBean(JdbcClient.class);
			first.getBean(DemoReferenceData.class).install("demo-secret-for-tests");
			EnterpriseNumber ebox = new TestEnterprises(jdbc).legalPerson("Double SA", "Dubbel NV");
			var people = new NotificationPeople(jdbc);
			var preferences = first.getBean(Preferences.class);
			var type = new MessageTypeId(DemoReferenceData.UNPROTECTED_TYPE);
			var anna = people.manager(ebox, "nl", null);
			var bert = people.manager(ebox, "de", null);
			preferences.saveMode(anna.account(), type, Mode.AT_ONCE);
			preferences.saveMode(bert.account(), type, Mode.AT_ONCE);
			String batch = UUID.randomUUID().toString().substring(0, 8);
			var outbox = first.getBean(Outbox.class);
			for (int i = 0; i < 300; i++) {
				outbox.add("direct-" + batch + "-" + i + "@example.be", "en", Outbox.Kind.ALERT, Tally.of(ebox, Reason.NEW),
						Instant.now());
			}
			var publications = List.of(first.getBean(Publications.class), second.getBean(Publications.class));
			for (int i = 0; i < 100; i++) {
				publications.get(i % 2).publish(Publications.Outgoing.of(new SenderApplicationId(DemoReferenceData.APPLICATION),
						ebox, type, Map.of("nl", new Message.Content("nl", "Onderwerp " + i, "Inhoud")), List.of()));
			}
			Set<String> ours = Set.of(anna.email(), bert.email());
			int expected = 300 + 2 * 100;
			long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
			while (received(smtp, ours, batch).size() < expected && System.nanoTime() < deadline) {
				Thread.sleep(200);
			}
			Thread.sleep(1500); // a duplicate would arrive now
			List<MimeMessage> mails = received(smtp, ours, batch);
			assertThat(mails).hasSize(expected);
			Set<String> ids = mails.stream().map(TwoInstancesTest::messageId).collect(Collectors.toSet());
			assertThat(ids).as("distinct outbox rows").hasSize(expected);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_mail WHERE address IN (?, ?) OR address LIKE ?")
				.params(anna.email(), bert.email(), "direct-" + batch + "-%")
				.query(Long.class).single()).isEqualTo(expected);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_mail WHERE (address IN (?, ?) OR address LIKE ?) AND state <> 'SENT'")
				.params(anna.email(), bert.email(), "direct-" + batch + "-%")
				.query(Long.class).single()).isZero();
		}
		finally {
			smtp.stop();
		}
	}

	private static ConfigurableApplicationContext instance(int smtpPort) {
		return new SpringApplicationBuilder(EboxApplication.class).run("--server.port=0",
				"--ebox.notifications.workers=true", "--ebox.notifications.sender-threads=2",
				"--ebox.notifications.mail-batch=20", "--ebox.notifications.alert-batch=10",
				"--ebox.notifications.poll-interval=100ms", "--spring.mail.host=localhost",
				"--spring.mail.port=" + smtpPort, "--spring.datasource.hikari.maximum-pool-size=5");
	}

	private static List<MimeMessage> received(GreenMail smtp, Set<String> people, String batch) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			String to = recipient(m);
			return people.contains(to) || to.startsWith("direct-" + batch + "-");
		}).toList();
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
