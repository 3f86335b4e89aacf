package be.ebox.inbox.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import be.ebox.messages.MessageFilter;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;
import be.ebox.system.Languages;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The filters and search of the inbox as they stand in the URL (a GET form: bookmarkable, shareable). Values are kept
 * as typed, to show them again; one that does not parse is reported by field and filters nothing.
 * @param hidden {@code no} (default): the messages not hidden; {@code yes}: only hidden ones; {@code all}
 * @param read {@code yes}, {@code no}, or blank for both
 * @param task {@code open}, {@code done}, or blank
 * @param ack {@code pending}, or blank
 * @param registered {@code yes}, or blank
 * @param from received on or after this day, {@code yyyy-MM-dd}
 * @param to received on or before this day
 * @param expiresBefore expiring before this day
 * @param dueBefore tasks due before this day
 */
public record InboxFilter(String q, String qlang, String sender, String type, String from, String to, String expiresBefore,
		String read, String hidden, String task, String dueBefore, String ack, String registered) {

	static InboxFilter of(Map<String, String> params) {
		return new InboxFilter(value(params, "q"), value(params, "qlang"), value(params, "sender"),
				value(params, "type"), value(params, "from"), value(params, "to"), value(params, "expiresBefore"),
				value(params, "read"), value(params, "hidden").isEmpty() ? "no" : value(params, "hidden"),
				value(params, "task"), value(params, "dueBefore"), value(params, "ack"), value(params, "registered"));
	}

	/** Field name to message key, for each value that does not parse. */
	Map<String, String> errors() {
		var errors = new LinkedHashMap<String, String>();
		for (var date : Map.of("from", from, "to", to, "expiresBefore", expiresBefore, "dueBefore", dueBefore).entrySet()) {
			if (!date.getValue().isEmpty() && day(date.getValue()) == null) {
				errors.put(date.getKey(), "inbox.filter.error.date");
			}
		}
		if (!sender.isEmpty() && !EnterpriseNumber.isValid(sender)) {
			errors.put("sender", "inbox.filter.error.sender");
		}
		if (q.length() > 200) {
			errors.put("q", "inbox.filter.error.q");
		}
		return errors;
	}

	MessageFilter toMessageFilter() {
		var f = MessageFilter.where();
		f.receivedBetween(start(day(from)), start(day(to) == null ? null : day(to).plusDays(1)));
		f.expiringBetween(null, start(day(expiresBefore)));
		f.read(yesNo(read));
		f.hidden(switch (hidden) {
			case "yes" -> Boolean.TRUE;
			case "all" -> null;
			default -> Boolean.FALSE;
		});
		if (!type.isEmpty()) {
			f.messageType(new MessageTypeId(type));
		}
		if (EnterpriseNumber.isValid(sender)) {
			f.senderOrganisation(EnterpriseNumber.parse(sender));
		}
		if (task.equals("open") || task.equals("done") || !dueBefore.isEmpty()) {
			f.tasks(task.equals("open") ? Boolean.FALSE : task.equals("done") ? Boolean.TRUE : null, day(dueBefore));
		}
		if (ack.equals("pending")) {
			f.acknowledgementPending(true);
		}
		if (registered.equals("yes")) {
			f.registeredMail(true);
		}
		if (!q.isBlank() && q.length() <= 200) {
			f.containing(q, Languages.isSupported(qlang) ? qlang : null);
		}
		return f.build();
	}

	/** Whether a filter besides the search is set (the page then shows the filters unfolded). */
	public boolean filtering() {
		return params().keySet().stream().anyMatch(name -> !name.equals("q") && !name.equals("qlang"));
	}

	public boolean searching() {
		return !q.isBlank();
	}

	/** The filter as query parameters (blank ones left out), for the links of the pager. */
	MultiValueMap<String, String> params() {
		var params = new LinkedMultiValueMap<String, String>();
		put(params, "q", q);
		put(params, "qlang", qlang);
		put(params, "sender", sender);
		put(params, "type", type);
		put(params, "from", from);
		put(params, "to", to);
		put(params, "expiresBefore", expiresBefore);
		put(params, "read", read);
		put(params, "hidden", hidden.equals("no") ? "" : hidden);
		put(params, "task", task);
		put(params, "dueBefore", dueBefore);
		put(params, "ack", ack);
		put(params, "registered", registered);
		return params;
	}

	private static void put(MultiValueMap<String, String> params, String name, String value) {
		if (!value.isEmpty()) {
			params.add(name, value);
		}
	}

	private static Boolean yesNo(String value) {
		return switch (value) {
			case "yes" -> Boolean.TRUE;
			case "no" -> Boolean.FALSE;
			default -> null;
		};
	}

	private static LocalDate day(String text) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Instant start(LocalDate day) {
		return day == null ? null : day.atStartOfDay(Presentation.BELGIUM).toInstant();
	}

	private static String value(Map<String, String> params, String name) {
		String value = params.get(name);
		return value == null ? "" : value.strip();
	}
}
