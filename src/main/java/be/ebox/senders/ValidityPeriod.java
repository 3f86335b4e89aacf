package be.ebox.senders;

import java.time.Instant;
import java.time.ZoneId;

/** How long messages of a type stay in the e-Box: a number of days, months or years (contract {@code ValidityPeriod}). */
public record ValidityPeriod(int value, Unit unit) {

	public enum Unit {
		DAY, MONTH, YEAR;

		/** The contract's spelling: {@code day}, {@code month}, {@code year}. */
		public String contractName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	public static final int MAX_VALUE = 1200;

	public ValidityPeriod {
		if (unit == null || value < 1 || value > MAX_VALUE) {
			throw new IllegalArgumentException("Not a validity period: " + value + " " + unit);
		}
	}

	/**
	 * The expiry of a message published at a moment: calendar arithmetic in the given zone (Belgium:
	 * {@code Europe/Brussels}), so a month is a calendar month and a day keeps the local time across DST changes; a
	 * month added to 31 January ends on the last day of February.
	 */
	public Instant expiryFrom(Instant publishedAt, ZoneId zone) {
		var local = publishedAt.atZone(zone);
		var expiry = switch (unit) {
			case DAY -> local.plusDays(value);
			case MONTH -> local.plusMonths(value);
			case YEAR -> local.plusYears(value);
		};
		return expiry.toInstant();
	}
}
