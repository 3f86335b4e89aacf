package be.ebox.messages.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

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
 * two. Text searches are kept the same way (the words are in the filter): the content rows they are found in never
 * change once published, and come and go with their message, whose writes raise the version.
 */
@Component
class MessageTotals {

	/** Bounds the memory; what is dropped is only counted again. */
	static final int MAXIMUM_SIZE = 20_000;

	private final Cache<Key, Counted> totals = Caffeine.newBuilder()
		.maximumSize(MAXIMUM_SIZE)
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
	 * among the e-Box's newest messages for a walk newest first to fill a page (see {@code JdbcMessages}).
	 */
	record Counted(long version, long total, Instant countedAt, Instant validUntil, boolean sparse) {

		Counted(long version, long total, Instant countedAt, Instant validUntil) {
			this(version, total, countedAt, validUntil, false);
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
