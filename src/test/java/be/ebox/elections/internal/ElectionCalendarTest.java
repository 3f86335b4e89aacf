package be.ebox.elections.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import be.ebox.elections.internal.ElectionCalendar.Anchor;
import be.ebox.elections.internal.ElectionCalendar.Milestone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 2016 calendar (same rows as migration V140) for election days across its window. */
class ElectionCalendarTest {

	static final ElectionCalendar Y2016 = new ElectionCalendar(2016, LocalDate.of(2016, 5, 9),
			LocalDate.of(2016, 5, 22), List.of(m("X-60", 1, Anchor.X, -60), m("X-35", 2, Anchor.X, -35),
					m("X", 3, Anchor.X, 0), m("X+7", 4, Anchor.X, 7), m("X+14", 5, Anchor.X, 14),
					m("X+35", 6, Anchor.X, 35), m("X+40", 7, Anchor.X, 40), m("X+77", 8, Anchor.X, 77),
					m("Y", 9, Anchor.Y, 0), m("Y+2", 10, Anchor.Y, 2), m("Y+45", 11, Anchor.Y, 45)));

	static Milestone m(String code, int position, Anchor anchor, int offset) {
		return new Milestone(code, position, anchor, offset, code, code, code, code);
	}

	@ParameterizedTest(name = "Y = {0}")
	@CsvSource({
			// Y (first day of the window: X falls on 10 February in a leap year)
			"2016-05-09, 2016-02-09, 2015-12-11, 2016-01-05, 2016-02-16, 2016-02-23, 2016-03-15, 2016-03-20, 2016-04-26, 2016-05-11, 2016-06-23",
			// X on 29 February 2016 (leap day), X+35 crosses the end of March (DST starts 27 March)
			"2016-05-29, 2016-02-29, 2015-12-31, 2016-01-25, 2016-03-07, 2016-03-14, 2016-04-04, 2016-04-09, 2016-05-16, 2016-05-31, 2016-07-13",
			// a mid-window day
			"2016-05-16, 2016-02-16, 2015-12-18, 2016-01-12, 2016-02-23, 2016-03-01, 2016-03-22, 2016-03-27, 2016-05-03, 2016-05-18, 2016-06-30",
			// last day of the window: X-60 on 24 December, X+14 on 7 March
			"2016-05-22, 2016-02-22, 2015-12-24, 2016-01-18, 2016-02-29, 2016-03-07, 2016-03-28, 2016-04-02, 2016-05-09, 2016-05-24, 2016-07-06" })
	void datesOfEveryMilestone(LocalDate y, LocalDate x, LocalDate xMinus60, LocalDate xMinus35, LocalDate xPlus7,
			LocalDate xPlus14, LocalDate xPlus35, LocalDate xPlus40, LocalDate xPlus77, LocalDate yPlus2,
			LocalDate yPlus45) {
		if (!Y2016.inWindow(y)) {
			// 29 May is outside the 2016 window: the arithmetic alone, on a calendar with a wider window
			var wide = new ElectionCalendar(2016, y, y, Y2016.milestones());
			check(wide, y, x, xMinus60, xMinus35, xPlus7, xPlus14, xPlus35, xPlus40, xPlus77, yPlus2, yPlus45);
			return;
		}
		check(Y2016, y, x, xMinus60, xMinus35, xPlus7, xPlus14, xPlus35, xPlus40, xPlus77, yPlus2, yPlus45);
	}

	private static void check(ElectionCalendar calendar, LocalDate y, LocalDate... expected) {
		var dates = calendar.phases(y).stream().map(ElectionCalendar.Phase::date).toList();
		assertThat(dates).containsExactly(expected[1], expected[2], expected[0], expected[3], expected[4], expected[5],
				expected[6], expected[7], y, expected[8], expected[9]);
		assertThat(ElectionCalendar.dayX(y)).isEqualTo(expected[0]);
	}

	@Test
	void theProcedureStartsOneHundredAndFiftyDaysBeforeY() {
		for (LocalDate y = Y2016.windowStart(); !y.isAfter(Y2016.windowEnd()); y = y.plusDays(1)) {
			var phases = Y2016.phases(y);
			assertThat(phases.get(0).date().plusDays(150)).isEqualTo(y);
			assertThat(phases.get(2).date().plusDays(90)).isEqualTo(y);
			// dates in order, one phase after the other
			for (int i = 1; i < phases.size(); i++) {
				assertThat(phases.get(i).date()).isAfter(phases.get(i - 1).date());
			}
		}
	}

	@Test
	void daylightSavingChangesDoNotMoveADate() {
		// X-60 for Y = 22 May 2016 is 24 December 2015; X is 22 February; the clocks changed on 27 March 2016 and
		// 25 October 2015: a date counted at any hour of the day in Brussels stays the same date
		ZoneId brussels = ZoneId.of("Europe/Brussels");
		LocalDate y = LocalDate.of(2016, 5, 22);
		for (int hour = 0; hour < 24; hour++) {
			LocalDate seenInBrussels = y.atTime(hour, 30).atZone(brussels).toLocalDate();
			assertThat(Y2016.phases(seenInBrussels).get(2).date()).isEqualTo(LocalDate.of(2016, 2, 22));
		}
		// the 90 days from X to Y span the spring change: still 90 calendar days
		assertThat(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2016, 2, 22), y)).isEqualTo(90);
		assertThat(java.time.Duration.between(LocalDate.of(2016, 2, 22).atStartOfDay(brussels), y.atStartOfDay(brussels))
			.toHours()).isEqualTo(90 * 24 - 1);
	}

	@Test
	void aDayOutsideTheWindowIsRefused() {
		assertThatThrownBy(() -> Y2016.phases(LocalDate.of(2016, 5, 8))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Y2016.phases(LocalDate.of(2016, 5, 23))).isInstanceOf(IllegalArgumentException.class);
		assertThat(Y2016.inWindow(LocalDate.of(2016, 5, 9))).isTrue();
		assertThat(Y2016.inWindow(LocalDate.of(2016, 5, 22))).isTrue();
	}
}
