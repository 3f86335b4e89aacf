package be.ebox.messages.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's date-times as the consultation API writes them by hand: the same text as the pattern formatter,
 * Belgian summer and winter time, the hours around the clock changes, odd years and sub-second instants.
 */
class ContractTimeTest {

	private static String formatter(Instant instant) {
		return ConsultationJson.CONTRACT_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(ConsultationJson.BELGIUM));
	}

	@Test
	void summerAndWinterTimeCarryTheirOffset() {
		assertThat(ConsultationJson.time(Instant.parse("2026-07-01T10:15:30.999Z"))).isEqualTo("2026-07-01T12:15:30+02:00");
		assertThat(ConsultationJson.time(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo("2027-01-01T00:30:00+01:00");
		assertThat(ConsultationJson.time(null)).isNull();
	}

	@Test
	void everySecondAroundTheClockChangesReadsAsTheFormatterWritesIt() {
		for (String change : new String[] { "2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", "2000-03-26T01:00:00Z" }) {
			Instant at = Instant.parse(change).minusSeconds(3600);
			for (int s = 0; s < 7200; s += 7) {
				Instant instant = at.plusSeconds(s).plusMillis(s % 1000);
				assertThat(ConsultationJson.time(instant)).as(instant.toString()).isEqualTo(formatter(instant));
			}
		}
	}

	@Test
	void randomInstantsOverCenturiesReadAsTheFormatterWritesThem() {
		var random = new SplittableRandom(20261129);
		long from = Instant.parse("0900-01-01T00:00:00Z").getEpochSecond();
		long to = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
		for (int i = 0; i < 20_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
			assertThat(ConsultationJson.time(instant)).as(instant.toString()).isEqualTo(formatter(instant));
		}
	}
}
