package be.ebox.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageKind;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;

/**
 * What a sender organisation published, as its staff see it in the sender console: every query is scoped by the
 * organisation, so another organisation's message does not exist for it.
 */
public interface SentMessages {

	/**
	 * A page (from 1) of the organisation's messages, newest first.
	 * @param type null: every type of the organisation
	 */
	Page page(EnterpriseNumber organisation, MessageTypeId type, int page, int pageSize);

	/** The message if the organisation sent it; else empty, exactly as if it did not exist. */
	Optional<Sent> find(EnterpriseNumber organisation, MessageId id);

	/**
	 * Per day from {@code from} to {@code to} (both included, days in Belgian time): how many of the organisation's
	 * messages were published and how many read (main content opened) so far, counted from the first message on.
	 * @param type null: every type of the organisation
	 */
	List<Day> readsOverTime(EnterpriseNumber organisation, MessageTypeId type, LocalDate from, LocalDate to);

	/**
	 * A sent message with its state in the recipient's e-Box.
	 * @param subjects subject per language given ({@code nl}, {@code fr}, {@code de}, {@code en})
	 * @param publicationCode {@code NO_DIGITAL_USER} when the e-Box was not active at publication, else null
	 */
	record Sent(MessageId id, EnterpriseNumber recipient, SenderApplicationId application, MessageTypeId type,
			MessageKind kind, Instant publishedAt, Instant visibleFrom, Instant expiresAt, LocalDate dueDate,
			boolean acknowledgementRequired, String publicationCode, Map<String, String> subjects,
			MessageState state) {

		/** The subject in a language, else in the first of nl, fr, de, en that has one. */
		public String subject(String language) {
			String subject = subjects.get(language);
			if (subject != null) {
				return subject;
			}
			for (String other : List.of("nl", "fr", "de", "en")) {
				if (subjects.get(other) != null) {
					return subjects.get(other);
				}
			}
			return "";
		}
	}

	record Page(List<Sent> items, long totalItems, int page, int pageSize) {

		public int pages() {
			return (int) Math.max(1, (totalItems + pageSize - 1) / pageSize);
		}
	}

	/** Totals at the end of a day. */
	record Day(LocalDate day, long published, long read) {
	}
}
