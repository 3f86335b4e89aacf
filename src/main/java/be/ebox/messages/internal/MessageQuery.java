package be.ebox.messages.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.ebox.access.Reader;
import be.ebox.messages.MessageFilter;

/**
 * The WHERE clause of a message list: what the reader may see, then the filter. Only fixed SQL fragments are joined;
 * every value is a named parameter.
 */
final class MessageQuery {

	private final List<String> conditions = new ArrayList<>();

	/** The conditions on the time now (visible, not expired): the only ones a total can change by without a write. */
	private final List<String> timeConditions = new ArrayList<>();

	private final Map<String, Object> params = new LinkedHashMap<>();

	/** The words as a set of found content rows ({@link #text}); null without words. */
	private String textFound;

	/** The words as a check of one message's content rows ({@link #textProbe}); null without words. */
	private String textProbe;

	private MessageQuery() {
	}

	static MessageQuery of(Reader reader, MessageFilter filter, Instant now) {
		var query = new MessageQuery();
		query.readableBy(reader, now);
		query.filteredBy(filter, now);
		return query;
	}

	/** The e-Box of the reader, what is visible now and not expired, of the types the reader may read. */
	static MessageQuery readableBy(Reader reader, Instant now, Object messageId) {
		var query = new MessageQuery();
		query.add("m.id = :id", "id", messageId);
		query.readableBy(reader, now);
		return query;
	}

	private void readableBy(Reader reader, Instant now) {
		add("m.recipient = :ebox", "ebox", reader.ebox().digits());
		params.put("now", now.atOffset(ZoneOffset.UTC));
		timeConditions.add("m.visible_from <= :now");
		timeConditions.add("m.expires_at > :now");
		if (reader.unprotected() && reader.allProtected()) {
			return;
		}
		var allowed = new ArrayList<String>();
		if (reader.unprotected()) {
			allowed.add("m.protected = FALSE");
		}
		if (reader.allProtected()) {
			allowed.add("m.protected = TRUE");
		}
		if (!reader.types().isEmpty()) {
			allowed.add("m.message_type IN (:readableTypes)");
			params.put("readableTypes", reader.types().stream().map(t -> t.value()).toList());
		}
		conditions.add(allowed.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", allowed) + ")");
	}

	private void filteredBy(MessageFilter f, Instant now) {
		addIfSet("m.published_at >= :receivedAfter", "receivedAfter", f.receivedAfter());
		addIfSet("m.published_at < :receivedBefore", "receivedBefore", f.receivedBefore());
		addIfSet("m.expires_at >= :expiresAfter", "expiresAfter", f.expiresAfter());
		addIfSet("m.expires_at < :expiresBefore", "expiresBefore", f.expiresBefore());
		if (f.read() != null) {
			conditions.add(f.read() ? "m.first_read_at IS NOT NULL" : "m.first_read_at IS NULL");
		}
		addIfSet("m.hidden = :hidden", "hidden", f.hidden());
		addIfSet("m.message_type = :messageType", "messageType", f.messageType() == null ? null : f.messageType().value());
		addIfSet("m.sender_organisation = :senderOrganisation", "senderOrganisation",
				f.senderOrganisation() == null ? null : f.senderOrganisation().digits());
		addIfSet("m.sender_application = :senderApplication", "senderApplication",
				f.senderApplication() == null ? null : f.senderApplication().value());
		addIfSet("m.registered_mail = :registeredMail", "registeredMail", f.registeredMail());
		addIfSet("m.kind = :kind", "kind", f.kind() == null ? null : f.kind().name());
		if (f.taskDone() != null) {
			conditions.add(f.taskDone() ? "m.done_at IS NOT NULL" : "m.done_at IS NULL");
		}
		addIfSet("m.due_date < :dueBefore", "dueBefore", f.dueBefore());
		if (f.acknowledgementPending() != null) {
			conditions.add(f.acknowledgementPending()
					? "(m.acknowledgement_required = TRUE AND m.acknowledged_at IS NULL)"
					: "(m.acknowledgement_required = FALSE OR m.acknowledged_at IS NOT NULL)");
		}
		text(f.text(), f.textLanguage());
	}

	/**
	 * The words as an uncorrelated {@code m.id IN (content rows of this e-Box holding every word)}: the database reads
	 * the e-Box's content rows in the language searched once, each compared with the words, and keeps the ids of those
	 * holding them in a hash that each message of the e-Box is looked up in. {@code IS TRUE} keeps it that way: a bare IN would
	 * become a join whose order the planner picks from its estimates, and the generic plan of a prepared statement
	 * estimates an e-Box at a handful of messages, so it probed the content of each of 10 000 messages one by one, or
	 * each found message by its key (see bench/inbox, out/explain.txt). message_id is never null, so IS TRUE changes
	 * no answer. PostgreSQL hashes the set when it expects it to fit in work_mem × hash_mem_multiplier (about 200 000
	 * found messages with the defaults); a custom plan expecting more would compare each message with the set in turn:
	 * not seen with e-Boxes of 10 000 messages, untested beyond. The rows are asked for in two halves, the search texts
	 * up to {@link SearchText#INDEXED_BYTES} and the longer ones: PostgreSQL reads the first from an index that holds
	 * them (V210), without visiting the table, and the second, nearly always empty, from the table.
	 */
	private void text(String text, String language) {
		List<String> patterns = SearchText.likePatterns(text);
		if (patterns.isEmpty()) {
			return;
		}
		var rows = new StringBuilder("FROM message_content c WHERE c.recipient = :ebox");
		if (language != null) {
			rows.append(" AND c.language = :textLanguage");
			params.put("textLanguage", language);
		}
		for (int i = 0; i < patterns.size(); i++) {
			rows.append(" AND c.search_text LIKE :word").append(i).append(" ESCAPE '\\'");
			params.put("word" + i, patterns.get(i));
		}
		// the bound spelled out as V210's partial indexes have it, so that PostgreSQL proves each half is theirs
		String length = "octet_length(c.search_text)";
		int bound = SearchText.INDEXED_BYTES;
		textFound = "(m.id IN (SELECT c.message_id " + rows + " AND " + length + " <= " + bound
				+ " UNION ALL SELECT c.message_id " + rows + " AND " + length + " > " + bound + ")) IS TRUE";
		textProbe = "(SELECT 1 " + rows + " AND c.message_id = m.id LIMIT 1) IS NOT NULL";
	}

	/** Whether the words of a text search are among the conditions. */
	boolean searches() {
		return textFound != null;
	}

	/**
	 * The words as a check of the message {@code m} alone: a scalar subquery, which PostgreSQL evaluates message by
	 * message (through the content's primary key) and never turns into a join or a hashed set, so that a walk of the
	 * e-Box newest first that stops at a full page reads the content of only the messages it walks.
	 */
	String textProbe() {
		return textProbe;
	}

	private void addIfSet(String condition, String name, Object value) {
		if (value != null) {
			add(condition, name, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
		}
	}

	private void add(String condition, String name, Object value) {
		conditions.add(condition);
		params.put(name, value);
	}

	/** Every condition: what the reader may read now, and the filter. */
	String where() {
		return joined(true, true);
	}

	/** Every condition but the words ({@link #textProbe()}). */
	String whereButText() {
		return joined(true, false);
	}

	/** Every condition but those on the time now ({@link #visibleNow()}). */
	String whereAtAnyTime() {
		return joined(false, true);
	}

	private String joined(boolean now, boolean words) {
		var all = new ArrayList<String>(conditions);
		if (now) {
			all.addAll(timeConditions);
		}
		if (words && textFound != null) {
			all.add(textFound);
		}
		return String.join(" AND ", all);
	}

	/** The conditions on the time now: visible from now or before, expiring after now. */
	String visibleNow() {
		return String.join(" AND ", timeConditions);
	}

	Map<String, Object> params() {
		return params;
	}
}
