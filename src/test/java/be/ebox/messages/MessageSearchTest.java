package be.ebox.messages;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import be.ebox.access.Reader;
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

/**
 * What the text search finds, whatever index serves it (on PostgreSQL one that holds the short search texts and one for
 * the long ones, V210; a plain one on H2): any part of
 * a word, without regard to case or accents, only in the reader's e-Box and among the messages the reader may read,
 * combined with the other filters, with the same total as the list.
 */
@SpringBootTest
class MessageSearchTest {

	@Autowired
	Messages messages;

	@Autowired
	JdbcClient jdbc;

	TestMessages test;

	EnterpriseNumber ebox;

	EnterpriseNumber other;

	Reader manager;

	@BeforeEach
	void twoEnterprises() {
		var enterprises = new TestEnterprises(jdbc);
		ebox = enterprises.legalPerson("Zoek NV", "Recherche SA");
		other = enterprises.legalPerson("Ander NV", "Autre SA");
		test = new TestMessages(jdbc);
		manager = Reader.ofEverything(ebox, Reader.Kind.PERSON, "manager");
	}

	@Test
	void findsAnyPartOfAWordEvenShorterThanThreeLetters() {
		MessageId elections = test.to(ebox).content("nl", "Verkiezingsprocedure", "Dossier D1234").insert();
		test.to(ebox).content("nl", "Factuur", "Dossier D9").insert();

		assertThat(ids("kiezing")).containsExactly(elections);
		assertThat(ids("d123")).containsExactly(elections);
		assertThat(ids("d1")).containsExactly(elections);
		assertThat(ids("z")).containsExactly(elections);
		assertThat(ids("procedure dossier")).containsExactly(elections);
		assertThat(ids("procedure factuur")).as("every word must be found").isEmpty();
		assertThat(ids("d12345")).isEmpty();
	}

	@Test
	void ignoresCaseAndAccentsOnBothSides() {
		MessageId accented = test.to(ebox).content("fr", "Élections sociales", "Procédure à suivre").insert();
		MessageId plain = test.to(ebox).content("fr", "ELECTION DU CONSEIL", "procedure").insert();

		assertThat(ids("élection")).containsExactlyInAnyOrder(accented, plain);
		assertThat(ids("ELECTIONS")).containsExactly(accented);
		assertThat(ids("PROCÉDURE")).containsExactlyInAnyOrder(accented, plain);
		assertThat(ids("à")).containsExactly(accented);
	}

	@Test
	void findsWordsInLongTextsAsInShortOnes() {
		// beyond what the index of the search holds (SearchText.INDEXED_BYTES): found in the table, counted the same
		String filler = "lorem ipsum dolor sit amet ".repeat(100);
		MessageId longText = test.to(ebox).content("nl", "Lang bericht", filler + "bijlage D4242 " + filler).insert();
		MessageId multiByte = test.to(ebox).content("nl", "Письмо", "приложение D4242 " + "длинный текст ".repeat(100))
			.insert();
		MessageId shortText = test.to(ebox).content("nl", "Kort bericht", "bijlage D4242").insert();
		MessageId other = test.to(ebox).content("nl", "Ander bericht", filler).insert();

		assertThat(ids("d4242")).containsExactlyInAnyOrder(longText, multiByte, shortText);
		assertThat(ids("bijlage d4242")).containsExactlyInAnyOrder(longText, shortText);
		assertThat(ids("приложение")).containsExactly(multiByte);
		assertThat(ids("dolor amet")).containsExactlyInAnyOrder(longText, other);
		assertThat(messages.count(manager, containing("d4242"))).isEqualTo(3);
	}

	@Test
	void neverFindsAMessageOfAnotherEbox() {
		MessageId mine = test.to(ebox).content("nl", "Dossier D777", "Uw aanvraag").insert();
		MessageId theirs = test.to(other).content("nl", "Dossier D777", "Uw aanvraag").insert();
		test.to(other).content("nl", "Dossier D888", "Alleen bij de andere").insert();

		assertThat(ids("d777")).containsExactly(mine);
		assertThat(ids("d888")).isEmpty();
		assertThat(messages.count(manager, containing("d888"))).isZero();
		assertThat(messages.count(Reader.ofEverything(other, Reader.Kind.PERSON, "other"), containing("d777")))
			.isEqualTo(1);
		assertThat(ids("d777")).doesNotContain(theirs);
	}

	@Test
	void aMessageTheReaderMayNotReadIsNeitherFoundNorCounted() {
		MessageId brochure = test.to(ebox).content("nl", "Verkiezingen", "Brochure").insert();
		MessageId letter = test.to(ebox).type("Elections", true).content("nl", "Verkiezingen", "Uw codes").insert();
		MessageId typed = test.to(ebox).type("Payroll", false).content("nl", "Verkiezingen", "Loon").insert();
		var unprotectedOnly = new Reader(ebox, Reader.Kind.PERSON, "user", ebox, true, false, Set.of());
		var payrollOnly = new Reader(ebox, Reader.Kind.PERSON, "payroll", ebox, false, false,
				Set.of(new MessageTypeId("Payroll")));

		MessagePage page = messages.search(unprotectedOnly, containing("verkiezingen"), 1, 25);
		assertThat(page.items()).extracting(ReadableMessage::id).containsExactlyInAnyOrder(brochure, typed);
		assertThat(page.total()).isEqualTo(2);
		assertThat(messages.count(unprotectedOnly, containing("codes"))).isZero();
		assertThat(messages.search(payrollOnly, containing("verkiezingen"), 1, 25).items()).extracting(ReadableMessage::id)
			.containsExactly(typed);
		assertThat(messages.count(manager, containing("verkiezingen"))).isEqualTo(3);
		assertThat(messages.search(manager, containing("codes"), 1, 25).items()).extracting(ReadableMessage::id)
			.containsExactly(letter);
	}

	@Test
	void combinesWithTheOtherFiltersAndTheLanguage() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		MessageId recent = test.to(ebox).publishedAt(now.minus(1, ChronoUnit.DAYS)).content("nl", "Dossier", "Recent")
			.insert();
		MessageId old = test.to(ebox).publishedAt(now.minus(30, ChronoUnit.DAYS)).content("fr", "Dossier", "Ancien")
			.insert();

		assertThat(ids(MessageFilter.where().containing("dossier", null).receivedBetween(now.minus(7, ChronoUnit.DAYS), null)
			.build())).containsExactly(recent);
		assertThat(ids(MessageFilter.where().containing("dossier", "fr").build())).containsExactly(old);
		assertThat(ids(MessageFilter.where().containing("dossier", null).build())).containsExactly(recent, old);
	}

	@Test
	void aPagePastTheLastIsEmptyWithTheTotal() {
		for (int i = 0; i < 3; i++) {
			test.to(ebox).content("nl", "Dossier " + i, "Tekst").insert();
		}
		test.to(ebox).content("nl", "Iets anders", "Tekst").insert();

		MessagePage past = messages.search(manager, containing("dossier"), 3, 2);
		assertThat(past.items()).isEmpty();
		assertThat(past.total()).isEqualTo(3);
		assertThat(messages.search(manager, containing("dossier"), 2, 2).items()).hasSize(1);
		assertThat(messages.search(manager, containing("onbekend"), 1, 2).total()).isZero();
	}

	@Test
	void theContentsAndDocumentsOfAPageComeWithIt() {
		MessageId two = test.to(ebox).content("nl", "Twee talen", "Inhoud").content("fr", "Deux langues", "Contenu")
			.insert();

		ReadableMessage found = messages.search(manager, containing("langues"), 1, 25).items().get(0);
		assertThat(found.id()).isEqualTo(two);
		assertThat(found.message().contents()).containsOnlyKeys("nl", "fr");
		assertThat(found.message().contents().get("fr").subject()).isEqualTo("Deux langues");
		assertThat(found.message().attachments()).isEmpty();
	}

	private static MessageFilter containing(String text) {
		return MessageFilter.where().containing(text, null).build();
	}

	private List<MessageId> ids(String text) {
		return ids(containing(text));
	}

	private List<MessageId> ids(MessageFilter filter) {
		return messages.search(manager, filter, 1, 100).items().stream().map(ReadableMessage::id).toList();
	}
}
