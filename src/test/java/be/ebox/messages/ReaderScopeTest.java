package be.ebox.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
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

/** What a reader sees of an e-Box, what search finds, and what actions leave in the evidence. */
@SpringBootTest
class ReaderScopeTest {

	@Autowired
	Messages messages;

	@Autowired
	MessageActions actions;

	@Autowired
	Evidence evidence;

	@Autowired
	JdbcClient jdbc;

	TestMessages test;

	EnterpriseNumber ebox;

	EnterpriseNumber other;

	Reader manager;

	Reader user;

	@BeforeEach
	void twoEnterprises() {
		var enterprises = new TestEnterprises(jdbc);
		ebox = enterprises.legalPerson("Scope SA", "Scope NV");
		other = enterprises.legalPerson("Autre SA", "Andere NV");
		test = new TestMessages(jdbc);
		manager = Reader.ofEverything(ebox, Reader.Kind.PERSON, "manager");
		user = new Reader(ebox, Reader.Kind.PERSON, "user", ebox, true, false, Set.of());
	}

	@Test
	void aProtectedMessageDoesNotExistForAReaderWithoutTheRight() {
		MessageId letter = test.to(ebox).type("Elections", true).insert();
		MessageId brochure = test.to(ebox).insert();

		assertThat(messages.search(user, MessageFilter.all(), 1, 25).items()).extracting(ReadableMessage::id)
			.containsExactly(brochure);
		assertThat(messages.count(user, MessageFilter.all())).isEqualTo(1);
		assertThat(messages.findFor(user, letter)).isEmpty();
		assertThat(actions.openMainContent(user, letter)).isFalse();
		assertThat(actions.hide(user, letter)).isFalse();

		var granted = new Reader(ebox, Reader.Kind.PERSON, "user", ebox, true, false,
				Set.of(new MessageTypeId("Elections")));
		assertThat(messages.findFor(granted, letter)).isPresent();
		assertThat(messages.count(manager, MessageFilter.all())).isEqualTo(2);
	}

	@Test
	void anotherEnterprisesMessageIsNotFoundByIdNorListed() {
		MessageId theirs = test.to(other).insert();
		assertThat(messages.findFor(manager, theirs)).isEmpty();
		assertThat(actions.openMainContent(manager, theirs)).isFalse();
		assertThat(messages.count(manager, MessageFilter.all())).isZero();
	}

	@Test
	void messagesNotYetVisibleOrExpiredAreAbsent() {
		Instant now = Instant.now();
		test.to(ebox).visibleFrom(now.plus(1, ChronoUnit.DAYS)).insert();
		test.to(ebox).publishedAt(now.minus(400, ChronoUnit.DAYS)).expiresAt(now.minus(1, ChronoUnit.DAYS)).insert();
		MessageId current = test.to(ebox).insert();
		assertThat(messages.search(manager, MessageFilter.all(), 1, 25).items()).extracting(ReadableMessage::id)
			.containsExactly(current);
	}

	@Test
	void statesOfManyMessagesAreFoundOnlyInTheirOwnEboxAndWhileVisible() {
		Instant now = Instant.now();
		MessageId read = test.to(ebox).insert();
		actions.openMainContent(manager, read);
		MessageId unread = test.to(ebox).insert();
		MessageId theirs = test.to(other).insert();
		MessageId later = test.to(ebox).visibleFrom(now.plus(1, ChronoUnit.DAYS)).insert();
		MessageId expired = test.to(ebox).publishedAt(now.minus(400, ChronoUnit.DAYS))
			.expiresAt(now.minus(1, ChronoUnit.DAYS))
			.insert();

		var found = messages.findStatesIn(Map.of(read, ebox, unread, ebox, theirs, ebox, later, ebox, expired, ebox));

		assertThat(found).containsOnlyKeys(read, unread);
		assertThat(found.get(read).state().firstReadAt()).isNotNull();
		assertThat(found.get(unread).state().firstReadAt()).isNull();
		assertThat(found.get(unread).message().expiresAt())
			.isEqualTo(messages.findFor(manager, unread).orElseThrow().message().expiresAt());
		assertThat(messages.findStatesIn(Map.of(theirs, other))).containsOnlyKeys(theirs);
		assertThat(messages.findStatesIn(Map.of())).isEmpty();
	}

	@Test
	void searchIgnoresCaseAndAccentsAndHonoursTheLanguage() {
		MessageId french = test.to(ebox).content("fr", "Élections sociales", "Procédure à suivre").insert();
		test.to(ebox).content("nl", "Sociale verkiezingen", "Procedure").insert();

		assertThat(ids(MessageFilter.where().containing("ELECTIONS procedure", "fr").build())).containsExactly(french);
		assertThat(ids(MessageFilter.where().containing("elections", "nl").build())).isEmpty();
		assertThat(ids(MessageFilter.where().containing("procédure", null).build())).hasSize(2);
		assertThat(ids(MessageFilter.where().containing("100%", null).build())).isEmpty();
	}

	@Test
	void pagesAreNewestFirstWithTheTotal() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (int i = 0; i < 5; i++) {
			test.to(ebox).publishedAt(now.minus(i, ChronoUnit.HOURS)).insert();
		}
		MessagePage second = messages.search(manager, MessageFilter.all(), 2, 2);
		assertThat(second.total()).isEqualTo(5);
		assertThat(second.pageCount()).isEqualTo(3);
		assertThat(second.items()).extracting(m -> m.message().publishedAt())
			.containsExactly(now.minus(2, ChronoUnit.HOURS), now.minus(3, ChronoUnit.HOURS));
	}

	@Test
	void actionsChangeTheStateOnceAndLeaveEvidence() {
		MessageId task = test.to(ebox).task(LocalDate.now().plusDays(3)).acknowledgementRequired().insert();
		MessageId document = test.to(ebox).insert();

		assertThat(actions.openMainContent(user, task)).isTrue();
		assertThat(actions.openMainContent(manager, task)).isTrue();
		assertThat(actions.hide(user, task)).isTrue();
		assertThat(actions.hide(user, task)).as("hiding twice changes nothing").isTrue();
		assertThat(actions.markDone(user, task)).isTrue();
		assertThat(actions.markDone(user, document)).as("not a task").isFalse();
		assertThat(actions.acknowledge(user, document)).as("no acknowledgement asked").isFalse();
		assertThat(actions.acknowledge(user, task)).isTrue();

		MessageState state = messages.findFor(user, task).orElseThrow().state();
		assertThat(state.isRead()).isTrue();
		assertThat(state.hidden()).isTrue();
		assertThat(state.isDone()).isTrue();
		assertThat(state.isAcknowledged()).isTrue();
		assertThat(ids(MessageFilter.where().hidden(true).build())).containsExactly(task);
		assertThat(ids(MessageFilter.where().read(false).build())).containsExactly(document);
		assertThat(ids(MessageFilter.where().tasks(false, null).build())).isEmpty();

		assertThat(evidence.timeline(task)).extracting(Evidence.Event::kind)
			.containsExactly(Evidence.Kind.PUBLISHED, Evidence.Kind.VISIBLE, Evidence.Kind.OPENED, Evidence.Kind.OPENED,
					Evidence.Kind.HIDDEN, Evidence.Kind.DONE, Evidence.Kind.ACKNOWLEDGED);
		assertThat(evidence.timeline(task).get(2).actor()).isEqualTo("user");
	}

	private java.util.List<MessageId> ids(MessageFilter filter) {
		return messages.search(manager, filter, 1, 100).items().stream().map(ReadableMessage::id).toList();
	}
}
