package be.ebox.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When repeated failures lock a sign-in out ({@code ebox.lockout.*}, set with the {@code EBOX_LOCKOUT_*} variables).
 *
 * @param accountFailures failures per account name within {@code window} that lock that name
 * @param addressFailures failures per client address within {@code window} that lock that address
 * @param window the period in which failures are counted
 * @param duration the first lockout; each next one in a row lasts twice as long
 * @param maxDuration the longest lockout
 * @param forgetAfter a quiet period without failures after which the doubling starts again from {@code duration}
 */
@ConfigurationProperties("ebox.lockout")
record LockoutProperties(@DefaultValue("5") int accountFailures, @DefaultValue("20") int addressFailures,
		@DefaultValue("15m") Duration window, @DefaultValue("15m") Duration duration,
		@DefaultValue("24h") Duration maxDuration, @DefaultValue("24h") Duration forgetAfter) {

	LockoutProperties {
		if (accountFailures < 1 || addressFailures < 1) {
			throw new IllegalArgumentException("ebox.lockout failure limits must be at least 1");
		}
		if (window.isNegative() || window.isZero() || duration.isNegative() || duration.isZero()
				|| maxDuration.compareTo(duration) < 0) {
			throw new IllegalArgumentException("ebox.lockout durations must be positive and max-duration >= duration");
		}
	}

	/** The lockout after {@code previous} lockouts in a row: duration, doubled each time, capped. */
	Duration lockout(int previous) {
		Duration lockout = duration;
		for (int i = 0; i < previous && lockout.compareTo(maxDuration) < 0; i++) {
			lockout = lockout.multipliedBy(2);
		}
		return lockout.compareTo(maxDuration) > 0 ? maxDuration : lockout;
	}
}
