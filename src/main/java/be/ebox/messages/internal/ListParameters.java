package be.ebox.messages.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import be.ebox.messages.MessageFilter;
import be.ebox.messages.Messages;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;

/**
 * The query parameters of the contract's {@code GET /ebox/messages}, checked one by one so that each bad value gets its
 * own message. Dates are days in Belgian time: {@code receivedBefore=D} selects what arrived before D began,
 * {@code receivedAfter=D} what arrived after D ended (a full date-time is also accepted and taken as it is).
 */
record ListParameters(MessageFilter filter, int page, int pageSize) {

	static final int DEFAULT_PAGE_SIZE = 25;

	static final int MAX_QUERY = 200;

	static final Set<String> LANGUAGES = Set.of("nl", "fr", "de", "en");

	static ListParameters parse(Map<String, String> query) {
		int page = integer(query, "page", 1, 1, Integer.MAX_VALUE);
		int pageSize = integer(query, "pageSize", DEFAULT_PAGE_SIZE, 1, Messages.MAX_PAGE_SIZE);
		var filter = MessageFilter.where()
			.receivedBetween(after(query, "receivedAfter"), before(query, "receivedBefore"))
			.expiringBetween(after(query, "expiredAfter"), before(query, "expiredBefore"))
			.read(bool(query, "readStatus"))
			.registeredMail(bool(query, "registeredMail"));
		Boolean visible = bool(query, "visible");
		filter.hidden(visible == null ? null : !visible);
		String type = text(query, "messageTypeId");
		if (type != null) {
			if (!MessageTypeId.isValid(type)) {
				throw ConsultationRefused.invalid("messageTypeId is not a valid message type id");
			}
			filter.messageType(new MessageTypeId(type));
		}
		String organisation = text(query, "senderOrganizationId");
		if (organisation != null) {
			if (!EnterpriseNumber.isValid(organisation)) {
				throw ConsultationRefused.invalid("senderOrganizationId is not a valid enterprise number (10 digits)");
			}
			filter.senderOrganisation(EnterpriseNumber.parse(organisation));
		}
		String application = text(query, "senderApplicationId");
		if (application != null) {
			if (!SenderApplicationId.isValid(application)) {
				throw ConsultationRefused.invalid("senderApplicationId is not a valid sender application id");
			}
			filter.senderApplication(new SenderApplicationId(application));
		}
		String q = text(query, "q");
		String qlang = text(query, "qlang");
		if (q != null) {
			if (qlang == null) {
				throw ConsultationRefused.invalid("qlang (nl, fr, de or en) is required with q");
			}
			if (q.length() > MAX_QUERY) {
				throw ConsultationRefused.invalid("q is longer than " + MAX_QUERY + " characters");
			}
		}
		if (qlang != null && !LANGUAGES.contains(qlang)) {
			throw ConsultationRefused.invalid("qlang must be nl, fr, de or en");
		}
		if (q != null) {
			filter.containing(q, qlang);
		}
		return new ListParameters(filter.build(), page, pageSize);
	}

	private static int integer(Map<String, String> query, String name, int fallback, int min, int max) {
		String value = text(query, name);
		if (value == null) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw ConsultationRefused.invalid(name + " must be a whole number from " + min
				+ (max == Integer.MAX_VALUE ? "" : " to " + max));
	}

	private static Boolean bool(Map<String, String> query, String name) {
		String value = text(query, name);
		if (value == null) {
			return null;
		}
		return switch (value) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw ConsultationRefused.invalid(name + " must be true or false");
		};
	}

	/** The start of the day after D (or the date-time itself). */
	private static Instant after(Map<String, String> query, String name) {
		return moment(query, name, true);
	}

	/** The start of day D (or the date-time itself). */
	private static Instant before(Map<String, String> query, String name) {
		return moment(query, name, false);
	}

	private static Instant moment(Map<String, String> query, String name, boolean endOfDay) {
		String value = text(query, name);
		if (value == null) {
			return null;
		}
		try {
			if (value.length() > 10) {
				return OffsetDateTime.parse(value).toInstant();
			}
			LocalDate day = LocalDate.parse(value);
			return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ConsultationJson.BELGIUM).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ConsultationRefused.invalid(name + " must be a date yyyy-MM-dd");
		}
	}

	/** A parameter given empty counts as not given. */
	private static String text(Map<String, String> query, String name) {
		String value = query.get(name);
		return value == null || value.isBlank() ? null : value.strip();
	}
}
