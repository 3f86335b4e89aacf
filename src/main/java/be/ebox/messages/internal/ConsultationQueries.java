package be.ebox.messages.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.ebox.access.Reader;
import be.ebox.messages.MessageFilter;
import be.ebox.messages.MessageId;
import be.ebox.senders.SenderApplicationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the consultation API and the sender's status queries need beyond {@link be.ebox.messages.Messages}: the JSON
 * the sender gave (business data, for the attention of, payment data), the e-Box summary, and message states for the
 * sender application that published them.
 */
@Repository
class ConsultationQueries {

	private final JdbcClient jdbc;

	private final Clock clock;

	ConsultationQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The JSON parts of a message as the sender gave them, each null when not given. */
	record Extras(String businessData, String forTheAttentionOf, String paymentData) {

		static final Extras NONE = new Extras(null, null, null);
	}

	/**
	 * @param unread messages whose main content was never opened
	 * @param lastReceipt the newest publication time, null for an empty e-Box
	 * @param attachmentBytes the size of all their documents together
	 */
	record Summary(long messages, long unread, Instant lastReceipt, long attachmentBytes) {
	}

	/** A message's state as its sender may know it. */
	record SentStatus(UUID id, String recipient, Instant expiresAt, boolean read, boolean hidden) {
	}

	/** Only for ids the caller already found readable: the ids are not checked against a reader here. */
	Map<UUID, Extras> extras(Collection<MessageId> ids) {
		var extras = new HashMap<UUID, Extras>();
		if (ids.isEmpty()) {
			return extras;
		}
		jdbc.sql("SELECT id, business_data, for_the_attention_of, payment_data FROM message WHERE id IN (:ids)")
			.param("ids", ids.stream().map(MessageId::value).toList())
			.query(rs -> {
				extras.put(rs.getObject("id", UUID.class), new Extras(rs.getString("business_data"),
						rs.getString("for_the_attention_of"), rs.getString("payment_data")));
			});
		return extras;
	}

	@Transactional(readOnly = true)
	Summary summary(Reader reader) {
		if (reader.readsNothing()) {
			return new Summary(0, 0, null, 0);
		}
		var query = MessageQuery.of(reader, MessageFilter.all(), clock.instant());
		var counts = jdbc.sql("SELECT COUNT(*) AS total, COUNT(*) - COUNT(m.first_read_at) AS unread, "
				+ "MAX(m.published_at) AS last_receipt FROM message m WHERE " + query.where())
			.params(query.params())
			.query((rs, row) -> new Summary(rs.getLong("total"), rs.getLong("unread"),
					instant(rs.getObject("last_receipt", OffsetDateTime.class)), 0))
			.single();
		long bytes = jdbc.sql("SELECT COALESCE(SUM(a.size), 0) FROM message_attachment a JOIN message m "
				+ "ON m.id = a.message_id WHERE " + query.where())
			.params(query.params())
			.query(Long.class)
			.single();
		return new Summary(counts.messages(), counts.unread(), counts.lastReceipt(), bytes);
	}

	/** The states of those of the given messages that the application published; the others are left out. */
	List<SentStatus> statusesOf(SenderApplicationId application, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, recipient, expires_at, first_read_at, hidden FROM message
				WHERE sender_application = :application AND id IN (:ids)""")
			.param("application", application.value())
			.param("ids", List.copyOf(ids))
			.query((rs, row) -> new SentStatus(rs.getObject("id", UUID.class), rs.getString("recipient"),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getObject("first_read_at") != null,
					rs.getBoolean("hidden")))
			.list();
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}
}
