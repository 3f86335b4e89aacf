package be.ebox.identity.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import be.ebox.identity.SignInThrottle;
import be.ebox.identity.TemporarilyLockedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failures in the database, so that every instance sees them. Failures are written in their own
 * transaction: a caller that rolls back its own work after a wrong secret must not roll back the count.
 */
@Service
class JdbcSignInThrottle implements SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(JdbcSignInThrottle.class);

	/** What {@code HttpServletRequest.getRemoteAddr()} gives: an IPv4 or IPv6 literal, never a host name. */
	private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	enum Kind { ACCOUNT, ADDRESS }

	private final JdbcClient jdbc;

	private final LockoutProperties settings;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	JdbcSignInThrottle(JdbcClient jdbc, LockoutProperties settings, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public void checkAllowed(String username, String clientAddress) {
		List<String> subjects = subjects(username, clientAddress);
		if (subjects.isEmpty()) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<OffsetDateTime> locks = jdbc
			.sql("""
					SELECT locked_until FROM identity_sign_in_throttle
					WHERE subject IN (:subjects) AND locked_until > :now ORDER BY locked_until DESC""")
			.param("subjects", subjects)
			.param("now", now)
			.query(OffsetDateTime.class)
			.list();
		if (!locks.isEmpty()) {
			throw new TemporarilyLockedException(Duration.between(now, locks.get(0)));
		}
	}

	@Override
	public void recordFailure(String username, String clientAddress) {
		ownTransaction.executeWithoutResult(status -> {
			String account = subject(Kind.ACCOUNT, username);
			if (account != null) {
				count(account, Kind.ACCOUNT, settings.accountFailures());
			}
			String address = subject(Kind.ADDRESS, clientAddress);
			if (address != null) {
				count(address, Kind.ADDRESS, settings.addressFailures());
			}
		});
	}

	/**
	 * Forgets the failures and lockouts of the account name. The client address keeps its count: otherwise a
	 * guesser could reset it by signing in to an account of their own between guesses.
	 */
	@Override
	public void recordSuccess(String username, String clientAddress) {
		String account = subject(Kind.ACCOUNT, username);
		if (account != null) {
			ownTransaction.executeWithoutResult(
					status -> jdbc.sql("DELETE FROM identity_sign_in_throttle WHERE subject = ?").param(account).update());
		}
	}

	private void count(String subject, Kind kind, int limit) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		// create the row if absent, then lock it: concurrent failures on any instance count one after the other
		jdbc.sql("""
				INSERT INTO identity_sign_in_throttle (subject, kind, failures, window_start, last_failure_at, lockouts)
				VALUES (?, ?, 0, ?, ?, 0) ON CONFLICT DO NOTHING""")
			.params(subject, kind.name(), now, now)
			.update();
		Counter counter = jdbc.sql("""
				SELECT failures, window_start, last_failure_at, lockouts, locked_until
				FROM identity_sign_in_throttle WHERE subject = ? FOR UPDATE""")
			.param(subject)
			.query((rs, row) -> new Counter(rs.getInt("failures"), rs.getObject("window_start", OffsetDateTime.class),
					rs.getObject("last_failure_at", OffsetDateTime.class), rs.getInt("lockouts"),
					rs.getObject("locked_until", OffsetDateTime.class)))
			.single();
		Counter next = counter.afterFailure(now, limit, settings);
		jdbc.sql("""
				UPDATE identity_sign_in_throttle
				SET failures = ?, window_start = ?, last_failure_at = ?, lockouts = ?, locked_until = ?
				WHERE subject = ?""")
			.params(next.failures(), next.windowStart(), next.lastFailureAt(), next.lockouts(), next.lockedUntil(), subject)
			.update();
		if (next.lockedUntil() != null && !next.lockedUntil().equals(counter.lockedUntil())) {
			// the subject is a hash: a mistyped username may be someone's password, so it never goes to the log
			log.warn("Sign-in lockout of {} {} until {}", kind, subject.substring(0, 12), next.lockedUntil());
		}
	}

	/** Removes counters that no longer lock or count anything (each instance may run it; it is idempotent). */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void purgeStale() {
		OffsetDateTime now = OffsetDateTime.now(clock);
		Duration keep = settings.window().compareTo(settings.forgetAfter()) > 0 ? settings.window() : settings.forgetAfter();
		int purged = jdbc.sql("""
				DELETE FROM identity_sign_in_throttle
				WHERE last_failure_at < ? AND (locked_until IS NULL OR locked_until < ?)""")
			.params(now.minus(keep), now)
			.update();
		log.debug("Purged {} stale sign-in counters", purged);
	}

	private static List<String> subjects(String username, String clientAddress) {
		List<String> subjects = new ArrayList<>(2);
		String account = subject(Kind.ACCOUNT, username);
		if (account != null) {
			subjects.add(account);
		}
		String address = subject(Kind.ADDRESS, clientAddress);
		if (address != null) {
			subjects.add(address);
		}
		return subjects;
	}

	static String subject(Kind kind, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String key = kind == Kind.ACCOUNT ? JdbcAccounts.normalize(value) : addressKey(value.strip());
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((kind.name() + ":" + key).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An IPv6 client usually holds a whole /64, so it is counted by that prefix; IPv4 (also IPv4-mapped IPv6)
	 * addresses count one by one.
	 */
	static String addressKey(String address) {
		if (!ADDRESS_LITERAL.matcher(address).matches() || address.indexOf(':') < 0) {
			return address;
		}
		try {
			// a literal: parsed without any name lookup
			InetAddress parsed = InetAddress.getByName(address);
			if (parsed instanceof Inet6Address) {
				byte[] bytes = parsed.getAddress();
				return HexFormat.of().formatHex(bytes, 0, 8) + "/64";
			}
			return parsed.getHostAddress();
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	/** One row of the table, and the rule that moves it on after a failure. */
	record Counter(int failures, OffsetDateTime windowStart, OffsetDateTime lastFailureAt, int lockouts,
			OffsetDateTime lockedUntil) {

		Counter afterFailure(OffsetDateTime now, int limit, LockoutProperties settings) {
			if (lockedUntil != null && lockedUntil.isAfter(now)) {
				// already locked (a caller that did not check first): the lock stands as it is
				return new Counter(failures, windowStart, now, lockouts, lockedUntil);
			}
			int previousLockouts = lastFailureAt.plus(settings.forgetAfter()).isAfter(now) ? lockouts : 0;
			boolean windowPassed = !windowStart.plus(settings.window()).isAfter(now);
			int counted = windowPassed ? 1 : failures + 1;
			OffsetDateTime start = windowPassed ? now : windowStart;
			if (counted >= limit) {
				return new Counter(0, now, now, previousLockouts + 1, now.plus(settings.lockout(previousLockouts)));
			}
			return new Counter(counted, start, now, previousLockouts, null);
		}
	}
}
