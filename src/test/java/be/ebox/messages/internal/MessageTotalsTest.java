package be.ebox.messages.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import be.ebox.access.Reader;
import be.ebox.access.ReadingRights;
import be.ebox.access.Role;
import be.ebox.messages.Message;
import be.ebox.messages.MessageActions;
import be.ebox.messages.MessageFilter;
import be.ebox.messages.MessageId;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageKind;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;
import be.ebox.testsupport.MutableClock;
import be.ebox.testsupport.MutableClockConfiguration;
import be.ebox.testsupport.TestEnterprises;
import be.ebox.testsupport.TestMessages;
import be.ebox.testsupport.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The total of a message list, kept between pages, is always the COUNT(*) it replaces: after every kind of write to the
 * e-Box (publication single and bulk, hide, unhide, read, done, reopen, acknowledge, a direct SQL change), through this
 * instance or another, when a message becomes visible or expires with no write at all, and for readers with other
 * rights. {@link JdbcMessages#count} (no cache) is the oracle.
 */
@SpringBootTest
@Import(MutableClockConfiguration.class)
class MessageTotalsTest {

	@Autowired
	JdbcMessages messages;

	@Autowired
	MessageActions actions;

	@Autowired
	MessageTotals totals;

	@Autowired
	BulkMessageWriter bulk;

	@Autowired
	ReadingRights rights;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	PasswordEncoder encoder;

	TestMessages test;

	EnterpriseNumber ebox;

	Reader manager;

	static final MessageFilter INBOX = MessageFilter.where().hidden(false).build();

	@BeforeEach
	void anEboxWithMessages() {
		ebox = new TestEnterprises(jdbc).legalPerson("Totaal NV", "Total SA");
		test = new TestMessages(jdbc);
		manager = Reader.ofEverything(ebox, Reader.Kind.SOFTWARE, "software");
		for (int i = 0; i < 3; i++) {
			test.to(ebox).insert();
		}
		test.to(ebox).type("TotalsProtected", true).insert();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** Lists twice (the second time from a kept total when nothing changed) and checks both against COUNT(*). */
	long exactTotal(Reader reader, MessageFilter filter) {
		long first = messages.list(reader, filter, 1, 2).page().total();
		long again = messages.list(reader, filter, 1, 2).page().total();
		long counted = messages.count(reader, filter);
		assertThat(first).as("total of the list").isEqualTo(counted);
		assertThat(again).as("total of the list again").isEqualTo(counted);
		return counted;
	}

	long version() {
		return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM message_box_version WHERE recipient = ?")
			.param(ebox.digits())
			.query(Long.class)
			.single();
	}

	@Test
	void aKnownTotalIsUsedOnlyAtTheVersionItWasCountedAtAndBeforeItsTimeRunsOut() {
		assertThat(exactTotal(manager, MessageFilter.all())).isEqualTo(4);
		var key = MessageTotals.Key.of(manager, MessageFilter.all());
		Instant now = clock.instant();
		// a planted total at the current version is used as it is: the proof that a hit does not count again
		totals.counted(key, new MessageTotals.Counted(version(), 999, now.minusSeconds(1), null));
		assertThat(messages.list(manager, MessageFilter.all(), 1, 2).page().total()).isEqualTo(999);
		// past its time, or at another version, it is counted again
		totals.clear();
		totals.counted(key, new MessageTotals.Counted(version(), 999, now.minusSeconds(10), now.minusSeconds(1)));
		assertThat(messages.list(manager, MessageFilter.all(), 1, 2).page().total()).isEqualTo(4);
		totals.clear();
		totals.counted(key, new MessageTotals.Counted(version() - 1, 999, now.minusSeconds(1), null));
		assertThat(messages.list(manager, MessageFilter.all(), 1, 2).page().total()).isEqualTo(4);
		assertThat(exactTotal(manager, MessageFilter.all())).isEqualTo(4);
	}

	@Test
	void aPublicationIsCountedAtOnce() {
		exactTotal(manager, INBOX);
		long before = version();
		test.to(ebox).insert();
		assertThat(version()).isGreaterThan(before);
		assertThat(exactTotal(manager, INBOX)).isEqualTo(5);

		transaction.executeWithoutResult(tx -> messages.insert(message(ebox, clock.instant(), clock.instant()), null,
				null, null, "totals-" + ebox.digits(), "digest"));
		assertThat(exactTotal(manager, INBOX)).isEqualTo(6);
		assertThat(exactTotal(manager, MessageFilter.all())).isEqualTo(6);
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyChangesNeitherTheVersionNorTheTotal() {
		String key = "retry-" + ebox.digits();
		transaction.executeWithoutResult(tx -> messages.insert(message(ebox, clock.instant(), clock.instant()), null,
				null, null, key, "digest"));
		assertThat(exactTotal(manager, MessageFilter.all())).isEqualTo(5);
		long before = version();
		assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> messages.insert(
				message(ebox, clock.instant(), clock.instant()), null, null, null, key, "digest")))
			.isInstanceOf(DuplicateKeyException.class);
		assertThat(version()).isEqualTo(before);
		assertThat(exactTotal(manager, MessageFilter.all())).isEqualTo(5);
	}

	@Test
	void aBulkChunkRaisesEachOfItsEboxesOnce() {
		var second = new TestEnterprises(jdbc).legalPerson("Tweede NV", "Seconde SA");
		var secondReader = Reader.ofEverything(second, Reader.Kind.SOFTWARE, "software");
		exactTotal(manager, MessageFilter.all());
		exactTotal(secondReader, MessageFilter.all());
		long before = version();
		var chunk = new ArrayList<Message>();
		for (int i = 0; i < 5; i++) {
			chunk.add(message(ebox, clock.instant(), clock.instant()));
			chunk.add(message(second, clock.instant(), clock.instant()));
		}
		transaction.executeWithoutResult(tx -> bulk.insert(chunk));
		assertThat(version()).as("one raise per statement and e-Box on PostgreSQL, per row on H2")
			.isBetween(before + 1, before + 5);
		assertThat(exactTotal(manager, MessageFilter.all())).isEqualTo(9);
		assertThat(exactTotal(secondReader, MessageFilter.all())).isEqualTo(5);
	}

	@Test
	void hidingUnhidingReadingDoneReopenAndAcknowledgementChangeTheTotalsOfTheirFilters() {
		MessageId task = test.to(ebox).task(LocalDate.now().plusDays(3)).acknowledgementRequired().insert();
		var unread = MessageFilter.where().read(false).build();
		var open = MessageFilter.where().tasks(false, null).build();
		var pending = MessageFilter.where().acknowledgementPending(true).build();
		assertThat(exactTotal(manager, INBOX)).isEqualTo(5);
		assertThat(exactTotal(manager, unread)).isEqualTo(5);
		assertThat(exactTotal(manager, open)).isEqualTo(1);
		assertThat(exactTotal(manager, pending)).isEqualTo(1);

		assertThat(actions.hide(manager, task)).isTrue();
		assertThat(exactTotal(manager, INBOX)).isEqualTo(4);
		assertThat(exactTotal(manager, MessageFilter.where().hidden(true).build())).isEqualTo(1);
		assertThat(actions.unhide(manager, task)).isTrue();
		assertThat(exactTotal(manager, INBOX)).isEqualTo(5);

		assertThat(actions.openMainContent(manager, task)).isTrue();
		assertThat(exactTotal(manager, unread)).isEqualTo(4);
		assertThat(exactTotal(manager, MessageFilter.where().read(true).build())).isEqualTo(1);

		assertThat(actions.markDone(manager, task)).isTrue();
		assertThat(exactTotal(manager, open)).isZero();
		assertThat(actions.reopen(manager, task)).isTrue();
		assertThat(exactTotal(manager, open)).isEqualTo(1);

		assertThat(actions.acknowledge(manager, task)).isTrue();
		assertThat(exactTotal(manager, pending)).isZero();
		assertThat(exactTotal(manager, INBOX)).isEqualTo(5);
	}

	@Test
	void anActionThatChangesNothingKeepsTheVersion() {
		MessageId message = test.to(ebox).insert();
		assertThat(actions.hide(manager, message)).isTrue();
		long before = version();
		assertThat(actions.hide(manager, message)).as("hidden already: allowed, nothing written").isTrue();
		assertThat(version()).isEqualTo(before);
		assertThat(exactTotal(manager, INBOX)).isEqualTo(4);
	}

	@Test
	void aMessageBecomingVisibleOrExpiringChangesTheTotalWithoutAnyWrite() {
		Instant now = clock.instant();
		test.to(ebox).publishedAt(now).visibleFrom(now.plus(Duration.ofHours(1))).insert();
		test.to(ebox).publishedAt(now).expiresAt(now.plus(Duration.ofHours(2))).insert();
		assertThat(exactTotal(manager, INBOX)).isEqualTo(5);
		long version = version();

		clock.advance(Duration.ofMinutes(61));
		assertThat(exactTotal(manager, INBOX)).as("one more visible").isEqualTo(6);
		clock.advance(Duration.ofMinutes(60));
		assertThat(exactTotal(manager, INBOX)).as("one expired").isEqualTo(5);
		assertThat(version()).as("no write").isEqualTo(version);
	}

	@Test
	void aFilterOnExpiryOrReceptionIsExactAcrossTime() {
		Instant now = clock.instant();
		test.to(ebox).publishedAt(now).expiresAt(now.plus(Duration.ofHours(1))).insert();
		var expiringSoon = MessageFilter.where().expiringBetween(null, now.plus(Duration.ofDays(1))).build();
		var today = MessageFilter.where().receivedBetween(now.minus(Duration.ofHours(1)), null).build();
		assertThat(exactTotal(manager, expiringSoon)).isEqualTo(1);
		long received = exactTotal(manager, today);
		clock.advance(Duration.ofMinutes(90));
		assertThat(exactTotal(manager, expiringSoon)).isZero();
		assertThat(exactTotal(manager, today)).isEqualTo(received - 1);
	}

	@Test
	void aReaderGrantedOrRefusedAProtectedTypeGetsItsOwnTotalAtOnce() {
		var people = new TestPeople(jdbc, encoder);
		var person = people.with(ebox, Role.USER);
		Reader before = rights.ofPerson(person.account(), ebox).orElseThrow();
		assertThat(exactTotal(before, INBOX)).isEqualTo(3);
		exactTotal(manager, INBOX);

		people.grant(person, ebox, "TotalsProtected");
		Reader granted = rights.ofPerson(person.account(), ebox).orElseThrow();
		assertThat(granted.types()).contains(new MessageTypeId("TotalsProtected"));
		assertThat(exactTotal(granted, INBOX)).isEqualTo(4);

		jdbc.sql("DELETE FROM access_grant WHERE account_id = ?").param(person.account().value()).update();
		Reader refused = rights.ofPerson(person.account(), ebox).orElseThrow();
		assertThat(exactTotal(refused, INBOX)).isEqualTo(3);
		assertThat(exactTotal(new Reader(ebox, Reader.Kind.PERSON, "nobody", ebox, false, false,
				Set.of(new MessageTypeId("TotalsProtected"))), INBOX)).isEqualTo(1);
	}

	@Test
	void aWriteThroughAnotherInstanceOrPlainSqlIsSeenByTheNextPage() {
		var otherTotals = new MessageTotals();
		var otherInstance = new JdbcMessages(jdbc, json, clock, otherTotals);
		var otherActions = new JdbcMessageActions(jdbc, otherInstance, clock);
		MessageId message = test.to(ebox).insert();
		assertThat(exactTotal(manager, INBOX)).isEqualTo(5);
		assertThat(otherInstance.list(manager, INBOX, 1, 2).page().total()).isEqualTo(5);

		transaction.executeWithoutResult(tx -> otherActions.hide(manager, message));
		assertThat(messages.list(manager, INBOX, 1, 2).page().total()).isEqualTo(4);
		assertThat(otherInstance.list(manager, INBOX, 1, 2).page().total()).isEqualTo(4);

		jdbc.sql("UPDATE message SET hidden = FALSE WHERE id = ?").param(message.value()).update();
		assertThat(messages.list(manager, INBOX, 1, 2).page().total()).isEqualTo(5);
		assertThat(otherInstance.list(manager, INBOX, 1, 2).page().total()).isEqualTo(5);

		jdbc.sql("DELETE FROM message_evidence WHERE message_id = ?").param(message.value()).update();
		jdbc.sql("DELETE FROM message_content WHERE message_id = ?").param(message.value()).update();
		jdbc.sql("DELETE FROM message WHERE id = ?").param(message.value()).update();
		assertThat(messages.list(manager, INBOX, 1, 2).page().total()).isEqualTo(4);
		assertThat(otherInstance.list(manager, INBOX, 1, 2).page().total()).isEqualTo(4);
		assertThat(exactTotal(manager, INBOX)).isEqualTo(4);
	}

	@Test
	void aPublicationCommittingWhileAPageIsReadIsCountedFromItsCommitOn() throws Exception {
		assertThat(exactTotal(manager, INBOX)).isEqualTo(4);
		var inserted = new CountDownLatch(1);
		var commit = new CountDownLatch(1);
		var executor = Executors.newSingleThreadExecutor();
		try {
			var publication = executor.submit(() -> transaction.executeWithoutResult(tx -> {
				messages.insert(message(ebox, clock.instant(), clock.instant()), null, null, null, null, null);
				inserted.countDown();
				await(commit);
			}));
			assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(messages.list(manager, INBOX, 1, 2).page().total()).as("not committed yet").isEqualTo(4);
			commit.countDown();
			publication.get(10, TimeUnit.SECONDS);
			assertThat(exactTotal(manager, INBOX)).isEqualTo(5);
		}
		finally {
			commit.countDown();
			executor.shutdownNow();
		}
	}

	@Test
	void aTextSearchTotalFollowsTheEboxVersion() {
		test.to(ebox).content("nl", "Verkiezingen", "Dossier").insert();
		var search = MessageFilter.where().containing("verkiezing", null).build();
		assertThat(exactTotal(manager, search)).isEqualTo(1);
		test.to(ebox).content("nl", "Verkiezingen 2", "Dossier").insert();
		assertThat(exactTotal(manager, search)).isEqualTo(2);
		test.to(ebox).content("nl", "Verkiezingen 3", "Dossier").insert();
		assertThat(exactTotal(manager, search)).isEqualTo(3);
	}

	/**
	 * Every page of a search, read again once its total is known (the walk newest first), is the page read from the
	 * found set by an instance that knows no total, with the same total, for readers with other rights and with and
	 * without a language.
	 */
	@Test
	void theSearchPagesWithAKnownTotalAreThoseOfTheFoundSet() {
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		for (int i = 0; i < 30; i++) {
			test.to(ebox).publishedAt(now.minusSeconds(i / 2)).content("nl", i % 3 == 0 ? "Bijlage " + i : "Brief " + i,
					"Tekst").insert();
		}
		test.to(ebox).type("TotalsProtected", true).publishedAt(now.minusSeconds(4)).content("nl", "Bijlage beschermd",
				"Tekst").insert();
		test.to(ebox).publishedAt(now.minusSeconds(6)).content("fr", "Annexe", "bijlage").insert();
		test.to(ebox).publishedAt(now.plusSeconds(60)).visibleFrom(now.plusSeconds(60)).content("nl", "Bijlage later",
				"Tekst").insert();
		var unprotectedOnly = new Reader(ebox, Reader.Kind.SOFTWARE, "unprotected", ebox, true, false, Set.of());
		for (Reader reader : List.of(manager, unprotectedOnly)) {
			for (String language : new String[] { null, "nl" }) {
				var search = MessageFilter.where().containing("bijlage", language).build();
				long counted = messages.count(reader, search);
				assertThat(counted).isPositive();
				for (int page = 1; page <= 5; page++) {
					var oracle = new JdbcMessages(jdbc, json, clock, new MessageTotals()).list(reader, search, page, 3)
						.page();
					for (int time = 0; time < 2; time++) {
						var listed = messages.list(reader, search, page, 3).page();
						assertThat(ids(listed.items())).as("page %d of %s in %s", page, reader.kind(), language)
							.isEqualTo(ids(oracle.items()));
						assertThat(listed.total()).isEqualTo(counted).isEqualTo(oracle.total());
					}
				}
			}
		}
		clock.advance(Duration.ofSeconds(61));
		var search = MessageFilter.where().containing("bijlage", null).build();
		assertThat(exactTotal(manager, search)).as("one more visible, no write").isEqualTo(13);
	}

	@Test
	void aKnownSearchTotalIsUsedWhenTheNewestMessagesFillThePageElseThePageAndTotalAreFound() {
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		MessageId rare = test.to(ebox).publishedAt(now.minus(Duration.ofDays(1))).content("nl", "Zeldzaam", "Tekst")
			.insert();
		for (int i = 0; i <= MessageListing.WALK_PER_MESSAGE; i++) {
			test.to(ebox).publishedAt(now.minusSeconds(i)).content("nl", "Bijlage", "Tekst").insert();
		}
		var common = MessageFilter.where().containing("bijlage", null).build();
		var oracle = new JdbcMessages(jdbc, json, clock, new MessageTotals()).list(manager, common, 1, 1).page();
		// a planted total at the current version, used as it is: the proof that the walk answered and did not count
		totals.counted(MessageTotals.Key.of(manager, common),
				new MessageTotals.Counted(version(), 999, now.minusSeconds(1), null));
		var walked = messages.list(manager, common, 1, 1).page();
		assertThat(walked.total()).isEqualTo(999);
		assertThat(ids(walked.items())).isEqualTo(ids(oracle.items()));
		// the rare word is beyond the window of newest messages: the page is not full, so page and total are found
		var sparse = MessageFilter.where().containing("zeldzaam", null).build();
		totals.counted(MessageTotals.Key.of(manager, sparse),
				new MessageTotals.Counted(version(), 999, now.minusSeconds(1), null));
		var found = messages.list(manager, sparse, 1, 1).page();
		assertThat(found.total()).isEqualTo(1);
		assertThat(ids(found.items())).containsExactly(rare);
		// kept as too rare to walk at this version: the next search reads the found set at once, same answer
		var sparseKey = MessageTotals.Key.of(manager, sparse);
		assertThat(totals.candidate(sparseKey, clock.instant()).orElseThrow().sparse()).isTrue();
		assertThat(ids(messages.list(manager, sparse, 1, 1).page().items())).containsExactly(rare);
		// a write: counted again, and walked again
		test.to(ebox).publishedAt(now.minus(Duration.ofDays(2))).content("nl", "Zeldzaam ook", "Tekst").insert();
		assertThat(messages.list(manager, sparse, 1, 1).page().total()).isEqualTo(2);
		assertThat(totals.candidate(sparseKey, clock.instant()).orElseThrow().sparse()).isFalse();
		// a total of another version is counted again
		totals.clear();
		totals.counted(MessageTotals.Key.of(manager, common),
				new MessageTotals.Counted(version() - 1, 999, now.minusSeconds(1), null));
		assertThat(messages.list(manager, common, 1, 1).page().total()).isEqualTo(MessageListing.WALK_PER_MESSAGE + 1);
		assertThat(totals.candidate(MessageTotals.Key.of(manager, common), clock.instant()).orElseThrow().sparse())
			.isFalse();
	}

	@Test
	void aSearchKeepsTheFewMessagesItFoundAndReadsTheNextPagesAmongThem() {
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		MessageId older = test.to(ebox).publishedAt(now.minus(Duration.ofDays(2))).content("nl", "Zeldzaam", "Tekst")
			.insert();
		MessageId newer = test.to(ebox).publishedAt(now.minus(Duration.ofDays(1))).content("nl", "Ook zeldzaam", "Tekst")
			.insert();
		MessageId later = test.to(ebox).publishedAt(now.plusSeconds(60)).visibleFrom(now.plusSeconds(60))
			.content("nl", "Zeldzaam later", "Tekst").insert();
		var rare = MessageFilter.where().containing("zeldzaam", null).build();
		var key = MessageTotals.Key.of(manager, rare);
		var first = messages.list(manager, rare, 1, 1).page();
		assertThat(first.total()).isEqualTo(2);
		assertThat(ids(first.items())).containsExactly(newer);
		// kept: every message holding the word at this version, newest first, the one not visible yet too
		assertThat(totals.candidate(key, clock.instant()).orElseThrow().found())
			.containsExactly(later.value(), newer.value(), older.value());
		assertThat(ids(messages.list(manager, rare, 2, 1).page().items())).containsExactly(older);
		assertThat(ids(messages.list(manager, rare, 3, 1).page().items())).isEmpty();
		// a planted set at the current version, read as it is: the proof that the pages come from the kept messages
		totals.counted(key, new MessageTotals.Counted(version(), 2, now.minusSeconds(1), null, true,
				new UUID[] { older.value() }));
		var planted = messages.list(manager, rare, 1, 1).page();
		assertThat(planted.total()).isEqualTo(2);
		assertThat(ids(planted.items())).containsExactly(older);
		// a write: found again, the new message with them
		MessageId newest = test.to(ebox).publishedAt(now.minusSeconds(5)).content("nl", "Zeldzaam weer", "Tekst")
			.insert();
		var again = messages.list(manager, rare, 1, 5).page();
		assertThat(again.total()).isEqualTo(3);
		assertThat(ids(again.items())).containsExactly(newest, newer, older);
		// when the one not visible yet appears, counted and found again
		clock.advance(Duration.ofSeconds(61));
		assertThat(exactTotal(manager, rare)).isEqualTo(4);
		assertThat(ids(messages.list(manager, rare, 1, 5).page().items())).containsExactly(later, newest, newer, older);
	}

	@Test
	void keptMessagesNeverShowTheReaderMoreThanItMayRead() {
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		MessageId open = test.to(ebox).publishedAt(now.minusSeconds(20)).content("nl", "Zeldzaam open", "Tekst").insert();
		MessageId closed = test.to(ebox).type("TotalsProtected", true).publishedAt(now.minusSeconds(10))
			.content("nl", "Zeldzaam beschermd", "Tekst").insert();
		var other = new TestEnterprises(jdbc).legalPerson("Ander NV", "Autre SA");
		MessageId elsewhere = test.to(other).publishedAt(now.minusSeconds(5)).content("nl", "Zeldzaam elders", "Tekst")
			.insert();
		var unprotectedOnly = new Reader(ebox, Reader.Kind.SOFTWARE, "unprotected", ebox, true, false, Set.of());
		var rare = MessageFilter.where().containing("zeldzaam", null).build();
		assertThat(ids(messages.list(unprotectedOnly, rare, 1, 5).page().items())).containsExactly(open);
		// even a kept set holding a protected message and another e-Box's (it never does) shows only what may be read
		totals.counted(MessageTotals.Key.of(unprotectedOnly, rare), new MessageTotals.Counted(version(), 1,
				now.minusSeconds(1), null, true, new UUID[] { elsewhere.value(), closed.value(), open.value() }));
		assertThat(ids(messages.list(unprotectedOnly, rare, 1, 5).page().items())).containsExactly(open);
		assertThat(ids(messages.list(manager, rare, 1, 5).page().items())).containsExactly(closed, open);
	}

	@Test
	void aSearchFindingMoreMessagesThanItKeepsKeepsOnlyItsTotal() {
		var chunk = new ArrayList<Message>();
		for (int i = 0; i <= MessageTotals.MAXIMUM_FOUND; i++) {
			chunk.add(message(ebox, clock.instant().minusSeconds(i), clock.instant().minusSeconds(i)));
		}
		transaction.executeWithoutResult(tx -> bulk.insert(chunk));
		var many = MessageFilter.where().containing("onderwerp", "nl").build();
		long counted = messages.count(manager, many);
		assertThat(counted).isGreaterThan(MessageTotals.MAXIMUM_FOUND);
		var page = messages.list(manager, many, 3, 10).page();
		assertThat(page.total()).isEqualTo(counted);
		assertThat(page.items()).hasSize(10);
		var kept = totals.candidate(MessageTotals.Key.of(manager, many), clock.instant()).orElseThrow();
		assertThat(kept.total()).isEqualTo(counted);
		assertThat(kept.found()).isNull();
		assertThat(ids(messages.list(manager, many, 3, 10).page().items())).isEqualTo(ids(page.items()));
	}

	@Test
	void aSearchFindingNothingKeepsThatItFoundNothing() {
		var nothing = MessageFilter.where().containing("onvindbaar", null).build();
		assertThat(messages.list(manager, nothing, 1, 10).page().total()).isZero();
		assertThat(totals.candidate(MessageTotals.Key.of(manager, nothing), clock.instant()).orElseThrow().found())
			.isEmpty();
		assertThat(messages.list(manager, nothing, 1, 10).page().items()).isEmpty();
	}

	private static List<MessageId> ids(List<be.ebox.messages.ReadableMessage> items) {
		return items.stream().map(be.ebox.messages.ReadableMessage::id).toList();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Message message(EnterpriseNumber recipient, Instant publishedAt, Instant visibleFrom) {
		Instant at = publishedAt.truncatedTo(ChronoUnit.MILLIS);
		return new Message(MessageId.random(), recipient, EnterpriseNumber.parse("0123456749"),
				new SenderApplicationId("test.sender.be"), new MessageTypeId("TestUnprotectedType"),
				MessageKind.DOCUMENT, at, visibleFrom.truncatedTo(ChronoUnit.MILLIS), at.plus(Duration.ofDays(365)), null,
				false, false, false, false, false, null,
				Map.of("nl", new Message.Content("nl", "Onderwerp", "Tekst")), List.of(), "code");
	}
}
