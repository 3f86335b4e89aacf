package be.ebox.messages.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import be.ebox.access.Reader;
import be.ebox.messages.MessageFilter;
import be.ebox.messages.MessagePage;
import be.ebox.messages.ReadableMessage;
import org.springframework.jdbc.core.simple.JdbcClient;

import static be.ebox.messages.Messages.MAX_PAGE_SIZE;

/**
 * The pages of a message list or a text search, each with its total, and the totals (and a search's few found
 * messages) kept per version of the e-Box in {@link MessageTotals}: the read side of an e-Box's lists, apart from
 * {@link JdbcMessages}, which writes messages and reads them one by one.
 */
final class MessageListing {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MessageTotals totals;

	MessageListing(JdbcClient jdbc, Clock clock, MessageTotals totals) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.totals = totals;
	}

	/** A page of messages and, for each, the JSON parts its sender gave (which the consultation API returns). */
	record Listing(MessagePage page, Map<UUID, ConsultationQueries.Extras> extras) {
	}

	/**
	 * The page and its total in one statement, then the contents and attachments of the page in a second: two round
	 * trips, whatever the page size. No transaction of its own: the page and its total come from one statement (one
	 * snapshot), and the contents and attachments, read by message id, never change once published.
	 * <p>
	 * The total of a list without words is counted once per version of the e-Box (see {@link MessageTotals}): when a
	 * total of the same list is known for this moment, the statement reads only the page and the e-Box's version, and
	 * the known total is used if the version is the one it was counted at; otherwise (a write since, through any
	 * instance) the page is read again with its total, which is then kept. A text search's total is kept the same way
	 * ({@link #searched}).
	 */
	Listing list(Reader reader, MessageFilter filter, int page, int pageSize) {
		if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("page from 1, pageSize from 1 to " + MAX_PAGE_SIZE);
		}
		if (reader.readsNothing()) {
			return new Listing(new MessagePage(List.of(), page, pageSize, 0), Map.of());
		}
		// microseconds: what the database keeps, so the moment compared in Java is the one the statement compared
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		var query = MessageQuery.of(reader, filter, now);
		var key = MessageTotals.Key.of(reader, filter);
		var known = totals.candidate(key, now);
		if (query.searches()) {
			return searched(query, key, known, now, page, pageSize);
		}
		if (known.isPresent()) {
			var rows = read(ListStatements.pageAtVersion(query), query, page, pageSize);
			if (rows.version() == known.get().version()) {
				return rows.withTotal(known.get().total()).listing(page, pageSize);
			}
		}
		var rows = read(ListStatements.listedAndCounted(query), query, page, pageSize);
		totals.counted(key, new MessageTotals.Counted(rows.version(), rows.total(), now, rows.nextChange()));
		return rows.listing(page, pageSize);
	}

	/**
	 * How many messages, per message of the page and the pages before it, a walk of the e-Box newest first reads at
	 * most ({@link ListStatements#foundNewestFirst}): the walk pays when at least one message in this many holds the
	 * words; below that it stops at the window and the page is read from the found set, at most this many contents
	 * read in vain.
	 */
	static final int WALK_PER_MESSAGE = 20;

	/**
	 * A text search. Its total is counted from the set of messages holding the words, which reads the content of every
	 * message of the e-Box in the language searched; that total is kept per version of the e-Box as a list's is (the
	 * contents of a message never change, the message's own writes raise the version), and with it the found messages
	 * themselves when they are few ({@link MessageTotals.Counted#found}). With a total known that can fill the page, the
	 * page is first looked for newest first, reading the content of only the messages walked; if the page is full (and
	 * the version the total's) it is the page. Else, and when the words are too rare for that walk, the page is read
	 * from the kept messages, each by its key; without those (more than kept, or another version) the page and the
	 * total are read from the found set again.
	 */
	private Listing searched(MessageQuery query, MessageTotals.Key key, Optional<MessageTotals.Counted> known,
			Instant now, int page, int pageSize) {
		long before = (long) (page - 1) * pageSize;
		if (known.isPresent()) {
			var counted = known.get();
			if (!counted.sparse() && counted.total() >= before + pageSize) {
				var rows = fetched(ListStatements.foundNewestFirst(query), query, page, pageSize,
						Map.of("window", Math.min((before + pageSize) * WALK_PER_MESSAGE, Integer.MAX_VALUE)));
				if (rows.version() != counted.version()) {
					return foundAndCounted(query, key, -1, now, page, pageSize);
				}
				if (rows.items().size() == pageSize) {
					return detailed(rows).withTotal(counted.total()).listing(page, pageSize);
				}
				// not full within the window: the words are rare among the newest messages, the next pages skip the
				// walk (at this version: a write makes the next search count and walk again)
				counted = counted.asSparse();
				totals.counted(key, counted);
			}
			if (counted.found() != null) {
				var rows = fetched(ListStatements.foundAmong(query), query, page, pageSize,
						Map.of("found", counted.found()));
				if (rows.version() == counted.version()) {
					return detailed(rows).withTotal(counted.total()).listing(page, pageSize);
				}
			}
			return foundAndCounted(query, key, counted.sparse() ? counted.version() : -1, now, page, pageSize);
		}
		return foundAndCounted(query, key, -1, now, page, pageSize);
	}

	/** The page and total from the found set, kept; still too rare to walk if found so at this version ({@code sparseAt}). */
	private Listing foundAndCounted(MessageQuery query, MessageTotals.Key key, long sparseAt, Instant now, int page,
			int pageSize) {
		var rows = detailed(fetched(ListStatements.foundAndCounted(query), query, page, pageSize,
				Map.of("keep", MessageTotals.MAXIMUM_FOUND)));
		// no ids: none found; more than kept: too many to keep (a walk or the found set again serves the next pages)
		UUID[] found = rows.found() == null ? new UUID[0] : rows.found();
		totals.counted(key, new MessageTotals.Counted(rows.version(), rows.total(), now, rows.nextChange(),
				rows.version() == sparseAt, found.length <= MessageTotals.MAXIMUM_FOUND ? found : null));
		return rows.listing(page, pageSize);
	}

	/**
	 * What one page statement returned: the rows, the total (-1 when not counted), the e-Box's version in the same
	 * snapshot, and the first moment after now when a message of the list becomes visible or expires (null if none).
	 */
	private record Rows(List<ReadableMessage> items, Map<UUID, ConsultationQueries.Extras> extras, long total,
			long version, Instant nextChange, UUID[] found) {

		Rows withTotal(long known) {
			return new Rows(items, extras, known, version, nextChange, found);
		}

		Listing listing(int page, int pageSize) {
			return new Listing(new MessagePage(items, page, pageSize, total), extras);
		}
	}

	// contents and attachments are read after the rows, not inside the extractor: outside a transaction a query
	// there would take a second connection while the first is held
	private Rows read(String sql, MessageQuery query, int page, int pageSize) {
		return detailed(fetched(sql, query, page, pageSize, Map.of()));
	}

	/** The rows a page statement returns, without their contents and attachments; {@code more}: what else it binds. */
	private Rows fetched(String sql, MessageQuery query, int page, int pageSize, Map<String, ?> more) {
		return jdbc.sql(sql)
			.params(query.params())
			.params(more)
			.param("limit", pageSize)
			.param("offset", (long) (page - 1) * pageSize)
			.query(this::rows);
	}

	private Rows rows(ResultSet rs) throws SQLException {
		long total = -1;
		long version = 0;
		Instant nextChange = null;
		UUID[] found = null;
		var items = new ArrayList<ReadableMessage>();
		var extras = new HashMap<UUID, ConsultationQueries.Extras>();
		while (rs.next()) {
			Object counted = rs.getObject("total");
			total = counted == null ? -1 : ((Number) counted).longValue();
			version = rs.getLong("box_version");
			nextChange = earlier(MessageRows.instant(rs.getObject("next_visible", OffsetDateTime.class)),
					MessageRows.instant(rs.getObject("next_expiry", OffsetDateTime.class)));
			found = ids(rs.getArray("found_ids"));
			UUID id = rs.getObject("id", UUID.class);
			if (id != null) { // the one row of an empty page carries only the total and the version
				extras.put(id, new ConsultationQueries.Extras(rs.getString("business_data"),
						rs.getString("for_the_attention_of"), rs.getString("payment_data")));
				items.add(MessageRows.readableRow(rs));
			}
		}
		return new Rows(items, extras, total, version, nextChange, found);
	}

	/** The ids of an SQL array of UUIDs (PostgreSQL's driver gives a UUID[], H2's an Object[] of UUIDs). */
	private static UUID[] ids(java.sql.Array array) throws SQLException {
		if (array == null) {
			return null;
		}
		try {
			Object[] elements = (Object[]) array.getArray();
			return Arrays.copyOf(elements, elements.length, UUID[].class);
		}
		finally {
			array.free();
		}
	}

	/** The rows with the contents and attachments of their messages. */
	private Rows detailed(Rows rows) {
		return new Rows(MessageRows.readable(jdbc, rows.items()), rows.extras(), rows.total(), rows.version(),
				rows.nextChange(), rows.found());
	}

	private static Instant earlier(Instant a, Instant b) {
		return a == null ? b : b == null || a.isBefore(b) ? a : b;
	}
}
