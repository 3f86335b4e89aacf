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

	/** The Belgian calendar day of a timestamp column, in SQL that H2 (PostgreSQL mode) and PostgreSQL both read. */
	private static final String READ_DAY = "CAST(first_read_at AT TIME ZONE 'Europe/Brussels' AS DATE)";

	private static final String PUBLISHED_DAY = "CAST(published_at AT TIME ZONE 'Europe/Brussels' AS DATE)";

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

	@Override
	@Transactional(readOnly = true)
	public List<Day> readsOverTime(EnterpriseNumber organisation, MessageTypeId type, LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("to before from");
		}
		OffsetDateTime start = from.atStartOfDay(BELGIUM).toOffsetDateTime();
		OffsetDateTime end = to.plusDays(1).atStartOfDay(BELGIUM).toOffsetDateTime();
		String scope = "sender_organisation = :organisation" + (type == null ? "" : " AND message_type = :type");
		long published = countBefore(scope, "published_at", organisation, type, start);
		long read = countBefore(scope, "first_read_at", organisation, type, start);
		Map<LocalDate, Long> publishedPerDay = perDay(PUBLISHED_DAY, "published_at", scope, organisation, type, start, end);
		Map<LocalDate, Long> readPerDay = perDay(READ_DAY, "first_read_at", scope, organisation, type, start, end);
		List<Day> days = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			published += publishedPerDay.getOrDefault(day, 0L);
			read += readPerDay.getOrDefault(day, 0L);
			days.add(new Day(day, published, read));
		}
		return days;
	}

	private long countBefore(String scope, String column, EnterpriseNumber organisation, MessageTypeId type,
			OffsetDateTime start) {
		// the column name is one of two fixed names chosen in this class, never input
		var sql = jdbc.sql("SELECT COUNT(*) FROM message WHERE " + scope + " AND " + column + " < :start")
			.param("organisation", organisation.digits())
			.param("start", start);
		if (type != null) {
			sql = sql.param("type", type.value());
		}
		return sql.query(Long.class).single();
	}

	private Map<LocalDate, Long> perDay(String dayExpression, String column, String scope,
			EnterpriseNumber organisation, MessageTypeId type, OffsetDateTime start, OffsetDateTime end) {
		var sql = jdbc.sql("SELECT " + dayExpression + " AS read_day, COUNT(*) AS n FROM message WHERE " + scope + " AND "
				+ column + " >= :start AND " + column + " < :end GROUP BY " + dayExpression)
			.param("organisation", organisation.digits())
			.param("start", start)
			.param("end", end);
		if (type != null) {
			sql = sql.param("type", type.value());
		}
		Map<LocalDate, Long> counts = new HashMap<>();
		sql.query((rs, row) -> counts.put(rs.getObject("read_day", LocalDate.class), rs.getLong("n"))).list();
		return counts;
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
