package be.ebox.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import be.ebox.access.DesignatedContacts;
import be.ebox.identity.AccountId;
import be.ebox.messages.Message;
import be.ebox.messages.MessageId;
import be.ebox.messages.Messages;
import be.ebox.messages.ReadableMessage;
import be.ebox.registry.EnterpriseNumber;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns due alerts into e-mails (people who chose "at once") and summary items (everyone else), in the transaction
 * that marks the alert handled: an alert is handled once, whatever crashes, and two instances share the alerts.
 * The message's state is read when the alert is due, so reading, completing or acknowledging cancels what was
 * pending without any bookkeeping at the time of the action.
 */
@Component
class AlertWorker {

	private final Alerts alerts;

	private final Messages messages;

	private final DesignatedContacts contacts;

	private final Preferences preferences;

	private final SummaryItems summary;

	private final Outbox outbox;

	private final ReminderSchedules schedules;

	private final NotificationProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	AlertWorker(Alerts alerts, Messages messages, DesignatedContacts contacts, Preferences preferences,
			SummaryItems summary, Outbox outbox, ReminderSchedules schedules, NotificationProperties properties,
			TransactionTemplate transaction, Clock clock) {
		this.alerts = alerts;
		this.messages = messages;
		this.contacts = contacts;
		this.preferences = preferences;
		this.summary = summary;
		this.outbox = outbox;
		this.schedules = schedules;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Handles one batch of due alerts; answers how many. The batch's messages are read in one query, its reminders
	 * written and its alerts marked handled with one statement each: a bulk job's 100 000 alerts are handled while
	 * the job still runs, on the same cores, and one round trip per alert for each of these cost the job's CPU.
	 */
	int handleDue() {
		Integer handled = transaction.execute(status -> {
			Instant now = clock.instant();
			List<Alert> due = alerts.claimDue(now, properties.alertBatch());
			var eboxes = new HashMap<MessageId, EnterpriseNumber>();
			due.forEach(alert -> eboxes.putIfAbsent(alert.message(), alert.ebox()));
			Map<MessageId, ReadableMessage> found = messages.findStatesIn(eboxes);
			var boxes = Set.copyOf(eboxes.values());
			var known = new Known(contacts.lookup(boxes), preferences.withEboxAddress(boxes));
			var reminders = new ArrayList<Alert>();
			var outcomes = new ArrayList<Alerts.Outcome>(due.size());
			for (Alert alert : due) {
				outcomes.add(new Alerts.Outcome(alert.id(),
						handle(alert, Optional.ofNullable(found.get(alert.message())), now, known, reminders)));
			}
			if (!reminders.isEmpty()) {
				alerts.add(reminders);
			}
			alerts.handled(outcomes, now);
			return due.size();
		});
		return handled == null ? 0 : handled;
	}

	int handleAllDue() {
		int total = 0;
		for (int n = handleDue(); n > 0; n = handleDue()) {
			total += n;
		}
		return total;
	}

	/**
	 * What one batch already looked up: consecutive alerts are mostly about the same e-Boxes and people (a campaign
	 * publishes many messages to one e-Box), and within one transaction their answers do not change.
	 */
	private static final class Known {

		/** The designated contacts and members of the batch's e-Boxes. */
		final DesignatedContacts.Lookup people;

		/** Those of the batch's e-Boxes that have an address of their own. */
		final Set<EnterpriseNumber> eboxAddresses;

		final Map<String, Optional<AccountId>> contacts = new HashMap<>();

		final Map<String, List<AccountId>> readers = new HashMap<>();

		final Map<String, Mode> modes = new HashMap<>();

		final Map<AccountId, Optional<Preferences.Contact>> addresses = new HashMap<>();

		Known(DesignatedContacts.Lookup people, Set<EnterpriseNumber> eboxAddresses) {
			this.people = people;
			this.eboxAddresses = eboxAddresses;
		}
	}

	/** @param found the message as a reader of everything in the alert's e-Box finds it now (dates and state) */
	private String handle(Alert alert, Optional<ReadableMessage> found, Instant now, Known known, List<Alert> reminders) {
		if (found.isEmpty()) {
			return "GONE";
		}
		if (alert.reason() == Reason.NEW) {
			reminders.addAll(reminders(alert, found.get().message()));
		}
		if (alert.reason().settledBy(found.get().state())) {
			return "SETTLED";
		}
		String key = alert.ebox().digits() + "/" + alert.type().value();
		Optional<AccountId> contact = known.contacts.computeIfAbsent(key,
				k -> known.people.contactFor(alert.ebox(), alert.type()));
		List<AccountId> people = alert.reason().isReminder() && contact.isPresent() ? List.of(contact.get())
				: known.readers.computeIfAbsent(key,
						k -> known.people.readersOf(alert.ebox(), alert.type(), alert.isProtected()));
		for (AccountId person : people) {
			Mode mode = known.modes.computeIfAbsent(person + "/" + alert.type().value(), k -> preferences.mode(person, alert.type()));
			if (mode == Mode.NEVER && contact.filter(person::equals).isPresent()) {
				mode = Mode.DAILY; // the designated contact must hear about the type they act on
			}
			if (mode == Mode.AT_ONCE) {
				known.addresses.computeIfAbsent(person, preferences::contactOf).ifPresent(to -> outbox.add(to.address(), to.language(),
						Outbox.Kind.ALERT, Tally.of(alert.ebox(), alert.reason()), now));
			}
			else if (mode == Mode.DAILY) {
				summary.add(person, alert.ebox(), alert.message(), alert.reason(), now);
			}
		}
		if (alert.reason() == Reason.NEW && !alert.isProtected()
				&& known.eboxAddresses.contains(alert.ebox())) {
			summary.add(null, alert.ebox(), alert.message(), alert.reason(), now);
		}
		return "NOTIFIED";
	}

	/** The reminders of a message, from its dates; those that would come after its expiry are left out. */
	private List<Alert> reminders(Alert alert, Message message) {
		List<Alert> next = new ArrayList<>();
		Instant visible = message.visibleFrom();
		Instant expires = message.expiresAt();
		addBefore(next, alert.next(Reason.UNREAD, visible.plus(properties.unreadAfter())), expires);
		Instant expiring = expires.minus(properties.expiryWarning());
		if (expiring.isAfter(visible)) {
			next.add(alert.next(Reason.EXPIRING, expiring));
		}
		if (message.dueDate() != null) {
			for (int days : schedules.daysBeforeDue(message.messageType()).orElse(properties.taskReminderDays())) {
				Instant at = startOf(message.dueDate().minusDays(days));
				if (at.isAfter(visible)) {
					addBefore(next, alert.next(Reason.TASK_DUE, at), expires);
				}
			}
			addBefore(next, alert.next(Reason.OVERDUE, startOf(message.dueDate().plusDays(1))), expires);
		}
		if (message.acknowledgementRequired()) {
			addBefore(next, alert.next(Reason.ACKNOWLEDGEMENT, visible.plus(properties.acknowledgementAfter())), expires);
		}
		return next;
	}

	private Instant startOf(LocalDate day) {
		return day.atStartOfDay(properties.zone()).toInstant();
	}

	private static void addBefore(List<Alert> alerts, Alert alert, Instant expires) {
		if (alert.dueAt().isBefore(expires)) {
			alerts.add(alert);
		}
	}
}
