package be.ebox.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;
import be.ebox.testsupport.TestEnterprises;
import be.ebox.testsupport.TestMessages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SentMessages}: an organisation's own messages only, paged, and its reads counted per Belgian day. */
@SpringBootTest
class SentMessagesTest {

	@Autowired
	SentMessages sent;

	@Autowired
	JdbcClient jdbc;

	EnterpriseNumber organisation;

	EnterpriseNumber other;

	EnterpriseNumber recipient;

	TestMessages messages;

	@BeforeEach
	void setUp() {
		organisation = TestEnterprises.freshNumber();
		other = TestEnterprises.freshNumber();
		recipient = new TestEnterprises(jdbc).legalPerson("Reçue SA", "Ontvangen NV");
		messages = new TestMessages(jdbc);
	}

	@Test
	void countsPublishedAndReadPerBelgianDay() {
		// 23:30 UTC on 10 March is already 11 March in Brussels (UTC+1)
		MessageId lateEvening = publish(organisation, "TypeA", "2026-03-10T23:30:00Z");
		MessageId morning = publish(organisation, "TypeB", "2026-03-10T08:00:00Z");
		publish(organisation, "TypeA", "2026-03-01T08:00:00Z");
		publish(other, "TypeA", "2026-03-10T08:00:00Z");
		read(morning, "2026-03-10T22:59:00Z");
		read(lateEvening, "2026-03-12T10:00:00Z");

		List<SentMessages.Day> days = sent.readsOverTime(organisation, null, LocalDate.parse("2026-03-10"),
				LocalDate.parse("2026-03-12"));

		// read at 23:59 Brussels time: still on 10 March
		assertThat(days).containsExactly(new SentMessages.Day(LocalDate.parse("2026-03-10"), 2, 1),
				new SentMessages.Day(LocalDate.parse("2026-03-11"), 3, 1),
				new SentMessages.Day(LocalDate.parse("2026-03-12"), 3, 2));
		assertThat(sent.readsOverTime(organisation, new MessageTypeId("TypeA"), LocalDate.parse("2026-03-12"),
				LocalDate.parse("2026-03-12"))).containsExactly(new SentMessages.Day(LocalDate.parse("2026-03-12"), 2, 1));
	}

	@Test
	void pagesOnlyTheOrganisationsOwnMessagesNewestFirst() {
		MessageId older = publish(organisation, "TypeA", "2026-03-01T08:00:00Z");
		MessageId newer = publish(organisation, "TypeA", "2026-03-02T08:00:00Z");
		MessageId foreign = publish(other, "TypeA", "2026-03-03T08:00:00Z");

		var page = sent.page(organisation, null, 1, 1);
		assertThat(page.totalItems()).isEqualTo(2);
		assertThat(page.pages()).isEqualTo(2);
		assertThat(page.items()).extracting(SentMessages.Sent::id).containsExactly(newer);
		assertThat(sent.page(organisation, null, 2, 1).items()).extracting(SentMessages.Sent::id).containsExactly(older);
		assertThat(page.items().get(0).subject("fr")).as("falls back to the Dutch subject").isEqualTo("Onderwerp");
		assertThat(sent.find(organisation, foreign)).isEmpty();
		assertThat(sent.find(other, foreign)).isPresent();
		assertThat(sent.page(organisation, new MessageTypeId("TypeB"), 1, 10).totalItems()).isZero();
	}

	private MessageId publish(EnterpriseNumber sender, String type, String at) {
		return messages.to(recipient).sender(sender.digits(), "app.test").type(type, false)
			.publishedAt(Instant.parse(at)).insert();
	}

	private void read(MessageId id, String at) {
		jdbc.sql("UPDATE message SET first_read_at = ? WHERE id = ?")
			.params(OffsetDateTime.ofInstant(Instant.parse(at), ZoneOffset.UTC), id.value())
			.update();
	}
}
