package be.ebox.messages.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import be.ebox.messages.MessageId;
import be.ebox.messages.MessageState;
import be.ebox.messages.Messages;
import be.ebox.messages.SentMessages;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageKind;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The sender's view of the {@code message} table: always filtered on {@code sender_organisation}. */
@Repository
class JdbcSentMessages implements SentMessages {

	private static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");

	/** Longest period of {@link #readsOverTime}: one SQL expression pair per day. */
	static final int MAX_DAYS = 366;

	private final JdbcClient jdbc;

	JdbcSentMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Page page(EnterpriseNumber organisation, MessageTypeId type, int page, int pageSize) {
		if (page < 1 || pageSize < 1 || pageSize > Messages.MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("page from 1, pageSize from 1 to " + Messages.MAX_PAGE_SIZE);
		}
		String where = "sender_organisation = :organisation" + (type == null ? "" : " AND message_type = :type");
		Map<String, Object> params = new HashMap<>();
		params.put("organisation", organisation.digits());
		if (type != null) {
			params.put("type", type.value());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM message WHERE " + where).params(params).query(Long.class).single();
		params.put("limit", pageSize);
		params.put("offset", (long) (page - 1) * pageSize);
		List<Sent> items = withSubjects(jdbc.sql("SELECT * FROM message WHERE " + where
				+ " ORDER BY published_at DESC, id LIMIT :limit OFFSET :offset").params(params).query(this::sent).list());
		return new Page(items, total, page, pageSize);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Sent> find(EnterpriseNumber organisation, MessageId id) {
		var found = jdbc.sql("SELECT * FROM message WHERE id = :id AND sender_organisation = :organisation")
			.param("id", id.value())
			.param("organisation", organisation.digits())
			.query(this::sent)
			.list();
		return withSubjects(found).stream().findFirst();
	}

	/**
	 * One scan of the organisation's messages, counting for each day's end how many were published and read before
	 * it: the day boundaries are computed here in Belgian time and passed as parameters, so no date arithmetic of
	 * the database is involved (H2 and PostgreSQL convert time zones differently).
	 */
	@Override
	@Transactional(readOnly = true)
	public List<Day> readsOverTime(EnterpriseNumber organisation, MessageTypeId type, LocalDate from, LocalDate to) {
		if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new IllegalArgumentException("from 1 to " + MAX_DAYS + " days, from before to");
		}
		List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
		StringBuilder sums = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < days.size(); i++) {
			// fixed fragments numbered by position; the boundaries are parameters
			sums.append(i == 0 ? "" : ", ")
				.append("SUM(CASE WHEN published_at < :end").append(i).append(" THEN 1 ELSE 0 END) AS p").append(i)
				.append(", SUM(CASE WHEN first_read_at < :end").append(i).append(" THEN 1 ELSE 0 END) AS r").append(i);
			params.put("end" + i, days.get(i).plusDays(1).atStartOfDay(BELGIUM).toOffsetDateTime());
		}
		params.put("organisation", organisation.digits());
		String scope = "sender_organisation = :organisation";
		if (type != null) {
			scope += " AND message_type = :type";
			params.put("type", type.value());
		}
		return jdbc.sql("SELECT " + sums + " FROM message WHERE " + scope).params(params).query((rs, row) -> {
			List<Day> result = new ArrayList<>();
			for (int i = 0; i < days.size(); i++) {
				result.add(new Day(days.get(i), rs.getLong("p" + i), rs.getLong("r" + i)));
			}
			return result;
		}).single();
	}

	private Sent sent(ResultSet rs, int row) throws SQLException {
		return new Sent(new MessageId(rs.getObject("id", UUID.class)), EnterpriseNumber.parse(rs.getString("recipient")),
				new SenderApplicationId(rs.getString("sender_application")),
				new MessageTypeId(rs.getString("message_type")), MessageKind.valueOf(rs.getString("kind")),
				instant(rs, "published_at"), instant(rs, "visible_from"), instant(rs, "expires_at"),
				rs.getObject("due_date", LocalDate.class), rs.getBoolean("acknowledgement_required"),
				rs.getString("publication_code"), new LinkedHashMap<>(),
				new MessageState(instant(rs, "first_read_at"), rs.getBoolean("hidden"), instant(rs, "done_at"),
						instant(rs, "acknowledged_at")));
	}

	private List<Sent> withSubjects(List<Sent> sent) {
		if (sent.isEmpty()) {
			return sent;
		}
		Map<UUID, Sent> byId = new HashMap<>();
		sent.forEach(s -> byId.put(s.id().value(), s));
		jdbc.sql("SELECT message_id, language, subject FROM message_content WHERE message_id IN (:ids)")
			.param("ids", byId.keySet())
			.query((rs, row) -> {
				String subject = rs.getString("subject");
				if (subject != null) {
					byId.get(rs.getObject("message_id", UUID.class)).subjects().put(rs.getString("language"), subject);
				}
				return null;
			})
			.list();
		return sent;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
