package be.ebox.messages.internal;

/**
 * The SQL of a message list ({@link MessageListing#list}): the page with its total counted, the page at the e-Box's
 * version when a kept total may be used ({@link MessageTotals}), and the same two of a text search, the second also
 * among the messages a search kept. Each returns the columns {@code total}, {@code box_version}, {@code next_visible},
 * {@code next_expiry}, {@code found_ids} and the page's message rows; the conditions come from {@link MessageQuery},
 * the values are bound by name.
 */
final class ListStatements {

	private ListStatements() {
	}

	/** The e-Box's version, read by the page statements in their snapshot; 0 before the first write of its messages. */
	private static final String VERSION = "COALESCE((SELECT b.version FROM message_box_version b"
			+ " WHERE b.recipient = :ebox), 0) AS box_version";

	/** No message ids kept: the found_ids of every statement but {@link #foundAndCounted}. */
	private static final String NONE_FOUND = "CAST(NULL AS UUID ARRAY) AS found_ids";

	private static final String NOT_COUNTED = "CAST(NULL AS BIGINT) AS total, " + VERSION
			+ ", CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS next_visible"
			+ ", CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS next_expiry, " + NONE_FOUND;

	private static String page(MessageQuery query) {
		return "WITH page AS (SELECT m.* FROM message m WHERE " + query.where()
				+ " ORDER BY m.published_at DESC, m.id LIMIT :limit OFFSET :offset)";
	}

	/**
	 * The page of a list without words and the e-Box's version, without the total. The one-row table the page is joined
	 * to brings the version even when the page is empty (a page past the last).
	 */
	static String pageAtVersion(MessageQuery query) {
		return page(query) + " SELECT " + NOT_COUNTED + ", p.* FROM (SELECT 1 AS one) o"
				+ " LEFT JOIN page p ON TRUE ORDER BY p.published_at DESC, p.id";
	}

	/**
	 * The page, the total, the e-Box's version and when the total next changes by time alone, of a list without words.
	 * The total is a one-row subquery the page is joined to, so it comes back even when the page is empty (a page past
	 * the last). It reads the messages of the list at any time once (an index-only scan of message_recipient_listing,
	 * as the count alone did), counting those visible now and finding the earliest later visible_from and expires_at
	 * among them: the moment a message of the list appears or disappears without a write.
	 */
	static String listedAndCounted(MessageQuery query) {
		return page(query) + " SELECT t.total, " + VERSION + ", t.next_visible, t.next_expiry, " + NONE_FOUND
				+ ", p.* FROM (SELECT"
				+ " COUNT(*) FILTER (WHERE " + query.visibleNow() + ") AS total,"
				+ " MIN(m.visible_from) FILTER (WHERE m.visible_from > :now) AS next_visible,"
				+ " MIN(m.expires_at) FILTER (WHERE m.expires_at > :now) AS next_expiry"
				+ " FROM message m WHERE " + query.whereAtAnyTime() + ") t"
				+ " LEFT JOIN page p ON TRUE ORDER BY p.published_at DESC, p.id";
	}

	/**
	 * The page, the total, the e-Box's version and when the total next changes by time alone, of a text search. The
	 * total needs every message that holds the words anyway, so they are found once (id, publication and the two times,
	 * from message_recipient_listing) at any time, as {@link #listedAndCounted} reads the list; the total, the moments
	 * and the page come from that set, and only the page's rows are then read whole. Walking the e-Box newest first
	 * until a page is full instead would read the content of nearly every message when the words are rare (that walk is
	 * {@link #foundNewestFirst}, once the total is known). {@code found} is used three times, so PostgreSQL evaluates it
	 * once. Its ids newest first come back too, at most {@code :keep} + 1 of them, so that the caller knows whether it
	 * has all of them to keep ({@link MessageTotals.Counted#found}).
	 */
	static String foundAndCounted(MessageQuery query) {
		return "WITH found AS (SELECT m.id, m.published_at, m.visible_from, m.expires_at FROM message m WHERE "
				+ query.whereAtAnyTime() + ")"
				+ " SELECT t.total, " + VERSION + ", t.next_visible, t.next_expiry,"
				+ " (SELECT ARRAY_AGG(k.id ORDER BY k.published_at DESC, k.id) FROM (SELECT f.id, f.published_at"
				+ " FROM found f ORDER BY f.published_at DESC, f.id LIMIT :keep + 1) k) AS found_ids, p.* FROM (SELECT"
				+ " COUNT(*) FILTER (WHERE " + query.visibleNow() + ") AS total,"
				+ " MIN(m.visible_from) FILTER (WHERE m.visible_from > :now) AS next_visible,"
				+ " MIN(m.expires_at) FILTER (WHERE m.expires_at > :now) AS next_expiry FROM found m) t"
				+ " LEFT JOIN (SELECT m.* FROM (SELECT m.id FROM found m WHERE " + query.visibleNow()
				+ " ORDER BY m.published_at DESC, m.id LIMIT :limit OFFSET :offset) f JOIN message m ON m.id = f.id) p"
				+ " ON TRUE ORDER BY p.published_at DESC, p.id";
	}

	/**
	 * The page of a text search and the e-Box's version, without the total: the e-Box walked newest first, at most
	 * {@code :window} messages, each message's content checked for the words on its own ({@link MessageQuery#textProbe}),
	 * stopping at a full page. Cheap when the words are common (a page of a word in every message reads 25 contents
	 * instead of the whole e-Box's); a full page is exactly the page {@link #foundAndCounted} returns (the walk is the
	 * same order, and the window a prefix of it); a page not full within the window says nothing, and the caller reads
	 * it from the found set instead.
	 */
	static String foundNewestFirst(MessageQuery query) {
		return "WITH page AS (SELECT m.* FROM (SELECT m.* FROM message m WHERE " + query.whereButText()
				+ " ORDER BY m.published_at DESC, m.id LIMIT :window) m WHERE " + query.textProbe()
				+ " ORDER BY m.published_at DESC, m.id LIMIT :limit OFFSET :offset)"
				+ " SELECT " + NOT_COUNTED + ", p.* FROM (SELECT 1 AS one) o"
				+ " LEFT JOIN page p ON TRUE ORDER BY p.published_at DESC, p.id";
	}

	/**
	 * The page of a text search and the e-Box's version, without the total, among the messages the search found at
	 * that version ({@code :found}, kept by {@link MessageTotals}): each read by its key and checked against every
	 * condition but the words, which they hold. The caller uses the page only if the version is the one they were
	 * found at. {@code OFFSET 0} keeps the messages by key a query of its own: PostgreSQL neither merges it into the
	 * page's query nor pushes the page's conditions into it, so it never walks the e-Box through
	 * message_recipient_listing checking each message against the keys, which the generic plan of a prepared statement
	 * chose, expecting a handful of messages in the e-Box (13 ms instead of 0.5 ms in an e-Box of 10 000).
	 */
	static String foundAmong(MessageQuery query) {
		return "WITH page AS (SELECT m.* FROM (SELECT * FROM message WHERE id = ANY(:found) OFFSET 0) m WHERE "
				+ query.whereButText()
				+ " ORDER BY m.published_at DESC, m.id LIMIT :limit OFFSET :offset)"
				+ " SELECT " + NOT_COUNTED + ", p.* FROM (SELECT 1 AS one) o"
				+ " LEFT JOIN page p ON TRUE ORDER BY p.published_at DESC, p.id";
	}
}
