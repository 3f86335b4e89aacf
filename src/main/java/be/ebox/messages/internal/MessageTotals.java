package be.ebox.messages.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import be.ebox.access.Reader;
import be.ebox.messages.MessageFilter;
import be.ebox.senders.MessageTypeId;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Totals of message lists already counted, so that the next page of the same list need not count the e-Box again.
 * JVM-local and never trusted alone: a total is only used when the page statement, in its own snapshot, reads the
 * e-Box's version ({@code message_box_version}, raised in the transaction of every write of its messages, V200/V201)
 * equal to the version counted with, and before the first moment a message of the list becomes visible or expires. So
 * a write through any instance is seen by the next page of every instance, and a hit costs no round trip.
 * <p>
 * A total depends on the e-Box's messages, the time, the filter and what the reader may read; the key holds the last
 * two (a reader granted or refused a protected type since has another key), the version and the time bound the first
 * two. Text searches are kept the same way (the words are in the filter), and with them, when few, the messages they
 * found: the content rows they are found in never change once published, and come and go with their message, whose
 * writes raise the version. Finding them reads every content row of the e-Box in the language searched (no index
 * holds the words, see migration V210), so a search repeated or paged at the same version reads only its own
 * messages.
 */
@Component
class MessageTotals {

	/** Bounds the memory: as many totals as this, fewer when some keep their messages; what is dropped is only counted again. */
	static final int MAXIMUM_SIZE = 20_000;

	/** What a total weighs: about the memory of this many kept message ids (the key with its filter, the record). */
	private static final int TOTAL_WEIGHT = 25;

	/**
	 * The most message ids a search keeps ({@link Counted#found}), about 7 KB in the heap. Reading a page among them
	 * reads each by its key, about 4 µs each in PostgreSQL: 0.8 ms for 200, 5 ms for 1 000, which is what finding them
	 * again costs in an e-Box of 10 000 messages.
	 */
	static final int MAXIMUM_FOUND = 200;

	private final Cache<Key, Counted> totals = Caffeine.newBuilder()
		.maximumWeight((long) MAXIMUM_SIZE * TOTAL_WEIGHT)
		.<Key, Counted>weigher((key, counted) -> TOTAL_WEIGHT + (counted.found() == null ? 0 : counted.found().length))
		.expireAfterAccess(Duration.ofMinutes(30))
		.build();

	/** Which list: the e-Box, what the reader may read in it, the filter. */
	record Key(String ebox, boolean unprotected, boolean allProtected, Set<MessageTypeId> types, MessageFilter filter) {

		static Key of(Reader reader, MessageFilter filter) {
			return new Key(reader.ebox().digits(), reader.unprotected(), reader.allProtected(), reader.types(), filter);
		}
	}

	/**
	 * A total counted at a version of the e-Box, exact from {@code countedAt} until {@code validUntil} (exclusive; null:
	 * no message of the list becomes visible or expires later). {@code sparse}: the words of a text search are too rare
	 * among the e-Box's newest messages for a walk newest first to fill a page (see {@link MessageListing}). {@code found}:
	 * the messages of the e-Box holding the words of a text search at that version, visible or not, newest first, when
	 * there are at most {@link #MAXIMUM_FOUND} (else null): the next pages are read from them, not from every content row
	 * of the e-Box again.
	 */
	record Counted(long version, long total, Instant countedAt, Instant validUntil, boolean sparse, UUID[] found) {

		Counted(long version, long total, Instant countedAt, Instant validUntil) {
			this(version, total, countedAt, validUntil, false, null);
		}

		Counted(long version, long total, Instant countedAt, Instant validUntil, boolean sparse) {
			this(version, total, countedAt, validUntil, sparse, null);
		}

		Counted asSparse() {
			return new Counted(version, total, countedAt, validUntil, true, found);
		}

		boolean holdsAt(Instant now) {
			return !now.isBefore(countedAt) && (validUntil == null || now.isBefore(validUntil));
		}
	}

	/** The total to check against the version the page statement reads, if one is known for this moment. */
	Optional<Counted> candidate(Key key, Instant now) {
		return Optional.ofNullable(totals.getIfPresent(key)).filter(c -> c.holdsAt(now));
	}

	/** Keeps a total just counted; an older version counted by a slower request never replaces a newer one. */
	void counted(Key key, Counted counted) {
		totals.asMap().merge(key, counted, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
	}

	/** Forgets every total (tests, and after an H2 TRUNCATE, which fires no trigger). */
	void clear() {
		totals.invalidateAll();
	}
}
