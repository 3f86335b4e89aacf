package be.ebox.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import be.ebox.access.Reader;
import be.ebox.access.ReadingRights;
import be.ebox.identity.AccountId;
import be.ebox.messages.Messages;
import be.ebox.registry.EnterpriseNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily summary: once per calendar day in {@code zone} (Europe/Brussels), at the configured hour of that day's
 * own offset, so it stays at 07:00 local time across the daylight-saving changes. On the spring-forward Sunday an hour
 * that does not exist (02:00) moves to the first hour that does (03:00); on the fall-back Sunday an hour that happens
 * twice is taken the first time, and the run row keyed by the date makes sure the second one sends nothing.
 * One instance does a day's run: the one that holds the run's lease; another takes over when that lease runs out.
 */
@Component
class DailySummary {

	private static final int PEOPLE_PER_TRANSACTION = 200;

	private final SummaryItems items;

	private final Preferences preferences;

	private final Outbox outbox;

	private final Messages messages;

	private final ReadingRights rights;

	private final NotificationProperties properties;

	private final TransactionTemplate transaction;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	/** The last day this instance saw finished, so that the rest of that day asks the database nothing. */
	private volatile LocalDate finished;

	DailySummary(SummaryItems items, Preferences preferences, Outbox outbox, Messages messages, ReadingRights rights,
			NotificationProperties properties, TransactionTemplate transaction, JdbcClient jdbc, Clock clock) {
		this.items = items;
		this.preferences = preferences;
		this.outbox = outbox;
		this.messages = messages;
		this.rights = rights;
		this.properties = properties;
		this.transaction = transaction;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** When the summary of a day is due: the configured hour on that day, in the zone, as the zone's rules say. */
	Instant dueAt(LocalDate day) {
		return ZonedDateTime.of(day, LocalTime.of(properties.summaryHour(), 0), properties.zone()).toInstant();
	}

	/** Runs today's summary when it is due and nobody ran it yet; answers whether this call ran it. */
	boolean tick() {
		Instant now = clock.instant();
		LocalDate today = now.atZone(properties.zone()).toLocalDate();
		Instant due = dueAt(today);
		if (now.isBefore(due) || today.equals(finished)) {
			return false;
		}
		if (!claim(today, now)) {
			if (isFinished(today)) {
				finished = today;
			}
			return false;
		}
		run(today, due);
		finished = today;
		return true;
	}

	private boolean isFinished(LocalDate day) {
		return jdbc.sql("SELECT COUNT(*) FROM notification_summary_run WHERE summary_day = ? AND finished_at IS NOT NULL")
			.param(day)
			.query(Long.class)
			.single() > 0;
	}

	private boolean claim(LocalDate day, Instant now) {
		if (isFinished(day)) {
			return false;
		}
		try {
			jdbc.sql("INSERT INTO notification_summary_run (summary_day, started_at) VALUES (?, ?)")
				.params(day, Times.db(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// another instance (or an earlier tick) created it; the lease below decides who runs it
		}
		return jdbc.sql("""
				UPDATE notification_summary_run SET owner = ?, lease_until = ?
				WHERE summary_day = ? AND finished_at IS NULL AND (lease_until IS NULL OR lease_until < ? OR owner = ?)""")
			.params(owner, Times.db(now.plus(properties.lease())), day, Times.db(now), owner)
			.update() == 1;
	}

	private void run(LocalDate day, Instant before) {
		AccountId after = null;
		List<AccountId> people;
		do {
			List<AccountId> chunk = items.people(before, after, PEOPLE_PER_TRANSACTION);
			people = chunk;
			transaction.executeWithoutResult(status -> {
				Instant now = clock.instant();
				chunk.forEach(person -> summarisePerson(person, before, now));
				renew(day, now);
			});
			after = people.isEmpty() ? after : people.get(people.size() - 1);
		}
		while (people.size() == PEOPLE_PER_TRANSACTION);
		transaction.executeWithoutResult(status -> {
			Instant now = clock.instant();
			items.eboxes(before).forEach(ebox -> summariseEbox(ebox, before, now));
			jdbc.sql("UPDATE notification_summary_run SET finished_at = ?, lease_until = NULL WHERE summary_day = ? AND owner = ?")
				.params(Times.db(now), day, owner)
				.update();
		});
	}

	private void renew(LocalDate day, Instant now) {
		jdbc.sql("UPDATE notification_summary_run SET lease_until = ? WHERE summary_day = ? AND owner = ?")
			.params(Times.db(now.plus(properties.lease())), day, owner)
			.update();
	}

	private void summarisePerson(AccountId person, Instant before, Instant now) {
		var pending = items.ofPerson(person, before);
		Map<EnterpriseNumber, Optional<Reader>> readers = new HashMap<>();
		Map<EnterpriseNumber, Map<Reason, Integer>> counts = new HashMap<>();
		for (var item : pending) {
			Optional<Reader> reader = readers.computeIfAbsent(item.ebox(), ebox -> rights.ofPerson(person, ebox));
			reader.flatMap(r -> messages.findFor(r, item.message()))
				.filter(found -> !item.reason().settledBy(found.state()))
				.ifPresent(found -> counts.computeIfAbsent(item.ebox(), e -> new EnumMap<>(Reason.class))
					.merge(item.reason(), 1, Integer::sum));
		}
		Tally tally = Tally.count(counts);
		if (!tally.isEmpty()) {
			preferences.contactOf(person).ifPresent(to -> outbox.add(to.address(), to.language(), Outbox.Kind.SUMMARY, tally, now));
		}
		items.summarised(pending, now);
	}

	private void summariseEbox(EnterpriseNumber ebox, Instant before, Instant now) {
		var pending = items.ofEbox(ebox, before);
		Reader everything = Reader.ofEverything(ebox, Reader.Kind.PERSON, "notifications");
		int count = (int) pending.stream()
			.filter(item -> messages.findFor(everything, item.message()).filter(m -> !m.state().isRead()).isPresent())
			.count();
		if (count > 0) {
			preferences.eboxAddress(ebox).ifPresent(to -> outbox.add(to.address(), to.language(), Outbox.Kind.SUMMARY,
					new Tally(List.of(new Tally.Line(ebox, Reason.NEW, count))), now));
		}
		items.summarised(pending, now);
	}
}
