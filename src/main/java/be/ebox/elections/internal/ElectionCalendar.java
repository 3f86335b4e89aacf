package be.ebox.elections.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The procedure calendar of an election year, as loaded from the database: the window of the election day and the
 * milestones relative to day X (notice of the election date) or day Y (the election day). Pure date arithmetic on
 * {@link LocalDate}: days, never instants, so time zones and daylight-saving changes cannot shift a date.
 */
public record ElectionCalendar(int year, LocalDate windowStart, LocalDate windowEnd, List<Milestone> milestones) {

	/** Y = X + 90: fixed by the law on the social elections. */
	public static final int DAYS_FROM_X_TO_Y = 90;

	public ElectionCalendar {
		Objects.requireNonNull(windowStart, "windowStart");
		Objects.requireNonNull(windowEnd, "windowEnd");
		if (windowEnd.isBefore(windowStart)) {
			throw new IllegalArgumentException("The window ends before it starts");
		}
		milestones = milestones.stream().sorted(Comparator.comparingInt(Milestone::position)).toList();
	}

	public enum Anchor {
		X, Y
	}

	/** A step of the procedure, e.g. {@code X-60}; its names per language (nl, fr, de, en). */
	public record Milestone(String code, int position, Anchor anchor, int offsetDays, String nameNl, String nameFr,
			String nameDe, String nameEn) {

		public String name(String language) {
			return switch (language) {
				case "nl" -> nameNl;
				case "fr" -> nameFr;
				case "de" -> nameDe;
				default -> nameEn;
			};
		}

		public LocalDate date(LocalDate dayY) {
			LocalDate anchorDay = anchor == Anchor.Y ? dayY : dayX(dayY);
			return anchorDay.plusDays(offsetDays);
		}
	}

	/** A milestone with its date for one election day. */
	public record Phase(Milestone milestone, LocalDate date) {
	}

	public static LocalDate dayX(LocalDate dayY) {
		return dayY.minusDays(DAYS_FROM_X_TO_Y);
	}

	public boolean inWindow(LocalDate dayY) {
		return !dayY.isBefore(windowStart) && !dayY.isAfter(windowEnd);
	}

	/**
	 * @throws IllegalArgumentException when the day is outside this year's window
	 */
	public List<Phase> phases(LocalDate dayY) {
		if (!inWindow(dayY)) {
			throw new IllegalArgumentException("The election day " + dayY + " is outside the window " + windowStart
					+ " to " + windowEnd);
		}
		return milestones.stream().map(m -> new Phase(m, m.date(dayY))).toList();
	}

	public java.util.Optional<Milestone> milestone(String code) {
		return milestones.stream().filter(m -> m.code().equals(code)).findFirst();
	}
}
