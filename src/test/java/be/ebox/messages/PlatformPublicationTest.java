package be.ebox.messages;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import be.ebox.access.Reader;
import be.ebox.documents.BlobStore;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;
import be.ebox.testsupport.TestEnterprises;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Publications}: publication from inside the platform, under the rules of {@code /publishMessage}. */
@SpringBootTest
class PlatformPublicationTest {

	static final SenderApplicationId APPLICATION = new SenderApplicationId(DemoReferenceData.APPLICATION);

	@Autowired
	Publications publications;

	@Autowired
	Messages messages;

	@Autowired
	BlobStore blobs;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	JdbcClient jdbc;

	EnterpriseNumber recipient;

	@BeforeEach
	void senderAndRecipient() {
		demo.install("demo-secret-for-tests");
		recipient = new TestEnterprises(jdbc).legalPerson("Publiée SA", "Gepubliceerd NV");
	}

	@Test
	void publishesATaskWithASharedDocumentVisibleLater() {
		var pdf = blobs.store(new ByteArrayInputStream(PublicationTest.PDF));
		Instant later = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		var outgoing = new Publications.Outgoing(APPLICATION, recipient, new MessageTypeId(DemoReferenceData.TASK_TYPE),
				Map.of("fr", new Message.Content("fr", "Phase X-60", "Confirmez la phase")), false,
				List.of(new Publications.Document("avis.pdf", pdf, true, Map.of("fr", "Avis"))), later,
				LocalDate.now().plusDays(30), true, false, Map.of("dossierNumber", "SE-42"), null);

		var published = publications.publish(outgoing);

		assertThat(published.code()).as("the e-Box was never activated").isEqualTo("NO_DIGITAL_USER");
		Message stored = messages.find(published.id()).orElseThrow();
		assertThat(stored.dueDate()).isEqualTo(LocalDate.now().plusDays(30));
		assertThat(stored.acknowledgementRequired()).isTrue();
		assertThat(stored.visibleFrom()).isEqualTo(later);
		assertThat(stored.attachments()).singleElement().satisfies(a -> {
			assertThat(a.sha256()).isEqualTo(pdf.sha256());
			assertThat(a.mainContent()).isTrue();
		});
		var everything = Reader.ofEverything(recipient, Reader.Kind.PERSON, "manager");
		assertThat(messages.findFor(everything, published.id())).as("not visible yet").isEmpty();
	}

	@Test
	void aRetryWithTheSameKeyStoresNothingTwice() {
		var outgoing = new Publications.Outgoing(APPLICATION, recipient,
				new MessageTypeId(DemoReferenceData.UNPROTECTED_TYPE),
				Map.of("nl", new Message.Content("nl", "Brochure", "Lees de brochure")), true, List.of(), null, null, false,
				false, Map.of(), "campaign-7/line-1");
		var first = publications.publish(outgoing);
		var second = publications.publish(outgoing);
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM message WHERE recipient = ?").param(recipient.digits())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theRulesOfThePublicationApiApply() {
		var notATask = new Publications.Outgoing(APPLICATION, recipient,
				new MessageTypeId(DemoReferenceData.UNPROTECTED_TYPE),
				Map.of("nl", new Message.Content("nl", "Info", "Tekst")), true, List.of(), null, LocalDate.now(), false,
				false, Map.of(), null);
		assertThatThrownBy(() -> publications.publish(notATask)).isInstanceOf(PublicationException.class)
			.hasMessageContaining("task");

		var foreignType = Publications.Outgoing.of(APPLICATION, recipient, new MessageTypeId("SomeoneElsesType"),
				Map.of("nl", new Message.Content("nl", "Info", "Tekst")), List.of());
		assertThatThrownBy(() -> publications.publish(foreignType)).isInstanceOf(PublicationException.class)
			.extracting(ex -> ((PublicationException) ex).code())
			.isEqualTo("INVALID_SENDER");

		var executable = blobs.store(new ByteArrayInputStream(new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 }));
		var disguised = Publications.Outgoing.of(APPLICATION, recipient,
				new MessageTypeId(DemoReferenceData.UNPROTECTED_TYPE),
				Map.of("nl", new Message.Content("nl", "Info", null)),
				List.of(new Publications.Document("brochure.pdf", executable, true, Map.of())));
		assertThatThrownBy(() -> publications.publish(disguised)).isInstanceOf(PublicationException.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM message WHERE recipient = ?").param(recipient.digits())
			.query(Long.class).single()).isZero();
	}
}
