package be.ebox.identity.internal;

import java.time.Duration;
import java.time.Instant;

import be.ebox.identity.TemporarilyLockedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The lockout rules against the real table, with a clock the test moves. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JdbcSignInThrottleTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	LockoutProperties defaults;

	final MutableClock clock = new MutableClock(Instant.parse("2030-01-15T09:00:00Z"));

	JdbcSignInThrottle throttle(LockoutProperties settings) {
		return new JdbcSignInThrottle(jdbc, settings, clock, transactions);
	}

	@Test
	void theDefaultsAreFiveFailuresPerNameTwentyPerAddressInFifteenMinutes() {
		assertThat(defaults).isEqualTo(new LockoutProperties(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15),
				Duration.ofHours(24), Duration.ofHours(24)));
	}

	@Test
	void fiveFailuresLockTheAccountNameForFifteenMinutesFromAnyAddress() {
		var throttle = throttle(defaults);
		String user = IdentityTestData.username();
		for (int i = 0; i < 4; i++) {
			throttle.recordFailure(user, IdentityTestData.address());
		}
		assertThatCode(() -> throttle.checkAllowed(user, IdentityTestData.address())).doesNotThrowAnyException();
		throttle.recordFailure(user.toUpperCase(), IdentityTestData.address());

		assertThat(lockedFor(throttle, user, IdentityTestData.address())).isEqualTo(Duration.ofMinutes(15));
		assertThat(lockedFor(throttle, " " + user.toUpperCase() + " ", null)).isEqualTo(Duration.ofMinutes(15));
		clock.advance(Duration.ofMinutes(14));
		assertThat(lockedFor(throttle, user, null)).isEqualTo(Duration.ofMinutes(1));
		clock.advance(Duration.ofMinutes(1));
		assertThatCode(() -> throttle.checkAllowed(user, null)).doesNotThrowAnyException();
	}

	@Test
	void failuresSpreadBeyondTheWindowDoNotLock() {
		var throttle = throttle(defaults);
		String user = IdentityTestData.username();
		for (int i = 0; i < 4; i++) {
			throttle.recordFailure(user, null);
		}
		clock.advance(Duration.ofMinutes(15));
		for (int i = 0; i < 4; i++) {
			throttle.recordFailure(user, null);
		}
		assertThatCode(() -> throttle.checkAllowed(user, null)).doesNotThrowAnyException();
		throttle.recordFailure(user, null);
		assertThat(lockedFor(throttle, user, null)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void eachLockoutInARowLastsTwiceAsLongUpToTheMaximumAndIsForgottenAfterAQuietDay() {
		var throttle = throttle(new LockoutProperties(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15),
				Duration.ofMinutes(45), Duration.ofHours(24)));
		String user = IdentityTestData.username();
		assertThat(lockAfterFiveFailures(throttle, user)).isEqualTo(Duration.ofMinutes(15));
		clock.advance(Duration.ofMinutes(15));
		assertThat(lockAfterFiveFailures(throttle, user)).isEqualTo(Duration.ofMinutes(30));
		clock.advance(Duration.ofMinutes(30));
		assertThat(lockAfterFiveFailures(throttle, user)).isEqualTo(Duration.ofMinutes(45));
		clock.advance(Duration.ofMinutes(45));
		assertThat(lockAfterFiveFailures(throttle, user)).isEqualTo(Duration.ofMinutes(45));
		clock.advance(Duration.ofHours(25));
		assertThat(lockAfterFiveFailures(throttle, user)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void failuresWhileLockedDoNotProlongTheLock() {
		var throttle = throttle(defaults);
		String user = IdentityTestData.username();
		lockAfterFiveFailures(throttle, user);
		clock.advance(Duration.ofMinutes(10));
		throttle.recordFailure(user, null);
		assertThat(lockedFor(throttle, user, null)).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void twentyFailuresFromOneAddressLockThatAddressForEveryName() {
		var throttle = throttle(defaults);
		String address = IdentityTestData.address();
		for (int i = 0; i < 19; i++) {
			throttle.recordFailure(IdentityTestData.username(), address);
		}
		assertThatCode(() -> throttle.checkAllowed(IdentityTestData.username(), address)).doesNotThrowAnyException();
		throttle.recordFailure(IdentityTestData.username(), address);

		assertThat(lockedFor(throttle, IdentityTestData.username(), address)).isEqualTo(Duration.ofMinutes(15));
		assertThat(lockedFor(throttle, null, address)).isEqualTo(Duration.ofMinutes(15));
		assertThatCode(() -> throttle.checkAllowed(IdentityTestData.username(), IdentityTestData.address()))
			.doesNotThrowAnyException();
	}

	@Test
	void aSuccessForgetsTheNameButNotTheAddress() {
		var throttle = throttle(new LockoutProperties(3, 6, Duration.ofMinutes(15), Duration.ofMinutes(15),
				Duration.ofHours(24), Duration.ofHours(24)));
		String user = IdentityTestData.username();
		String address = IdentityTestData.address();
		throttle.recordFailure(user, address);
		throttle.recordFailure(user, address);
		throttle.recordSuccess(user, address);
		throttle.recordFailure(user, address);
		throttle.recordFailure(user, address);
		assertThatCode(() -> throttle.checkAllowed(user, address)).as("the name counts from 0 again")
			.doesNotThrowAnyException();
		throttle.recordSuccess(user, address);
		throttle.recordFailure(user, address);
		throttle.recordFailure(user, address);
		assertThat(lockedFor(throttle, IdentityTestData.username(), address)).as("the address counted all six")
			.isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void addressesOfOneIpv6Slash64CountTogether() {
		assertThat(JdbcSignInThrottle.addressKey("2001:db8:1:2::1"))
			.isEqualTo(JdbcSignInThrottle.addressKey("2001:0db8:0001:0002:ffff:0:0:77"))
			.isNotEqualTo(JdbcSignInThrottle.addressKey("2001:db8:1:3::1"));
		assertThat(JdbcSignInThrottle.addressKey("192.0.2.1")).isEqualTo("192.0.2.1");
		assertThat(JdbcSignInThrottle.addressKey("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
		assertThat(JdbcSignInThrottle.addressKey("not-an-address")).isEqualTo("not-an-address");
	}

	@Test
	void storesNeitherNamesNorAddressesInClear() {
		var throttle = throttle(defaults);
		String user = IdentityTestData.username();
		String address = IdentityTestData.address();
		throttle.recordFailure(user, address);
		var stored = jdbc.sql("SELECT subject, kind FROM identity_sign_in_throttle WHERE subject IN (?, ?)")
			.params(JdbcSignInThrottle.subject(JdbcSignInThrottle.Kind.ACCOUNT, user),
					JdbcSignInThrottle.subject(JdbcSignInThrottle.Kind.ADDRESS, address))
			.query((rs, row) -> rs.getString("kind") + ":" + rs.getString("subject"))
			.list();
		assertThat(stored).hasSize(2).allSatisfy(row -> assertThat(row).doesNotContain(user).doesNotContain(address));
	}

	@Test
	void aFailureInsideARolledBackTransactionStillCounts() {
		var throttle = throttle(new LockoutProperties(1, 20, Duration.ofMinutes(15), Duration.ofMinutes(15),
				Duration.ofHours(24), Duration.ofHours(24)));
		String user = IdentityTestData.username();
		var caller = new TransactionTemplate(transactions);
		caller.executeWithoutResult(status -> {
			throttle.recordFailure(user, null);
			status.setRollbackOnly();
		});
		assertThat(lockedFor(throttle, user, null)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void purgesCountersThatNoLongerMatter() {
		var throttle = throttle(defaults);
		String stale = IdentityTestData.username();
		String locked = IdentityTestData.username();
		throttle.recordFailure(stale, null);
		clock.advance(Duration.ofHours(23));
		lockAfterFiveFailures(throttle, locked);
		clock.advance(Duration.ofHours(1).plusSeconds(1));
		throttle.purgeStale();
		assertThat(rows(stale)).isZero();
		assertThat(rows(locked)).isOne();
	}

	private int rows(String user) {
		return jdbc.sql("SELECT COUNT(*) FROM identity_sign_in_throttle WHERE subject = ?")
			.param(JdbcSignInThrottle.subject(JdbcSignInThrottle.Kind.ACCOUNT, user))
			.query(Integer.class)
			.single();
	}

	private Duration lockAfterFiveFailures(JdbcSignInThrottle throttle, String user) {
		for (int i = 0; i < 5; i++) {
			throttle.recordFailure(user, null);
		}
		return lockedFor(throttle, user, null);
	}

	private static Duration lockedFor(JdbcSignInThrottle throttle, String user, String address) {
		var locked = catchThrowableOfType(TemporarilyLockedException.class, () -> throttle.checkAllowed(user, address));
		assertThat(locked).as("locked out").isNotNull();
		return locked.retryAfter();
	}
}
