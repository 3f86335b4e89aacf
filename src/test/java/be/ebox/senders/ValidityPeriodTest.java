package be.ebox.senders;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidityPeriodTest {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	@Test
	void addsCalendarUnitsInTheLocalZone() {
		Instant published = Instant.parse("2026-01-31T09:00:00Z");
		assertThat(new ValidityPeriod(1, ValidityPeriod.Unit.MONTH).expiryFrom(published, BRUSSELS))
			.isEqualTo(Instant.parse("2026-02-28T09:00:00Z"));
		assertThat(new ValidityPeriod(2, ValidityPeriod.Unit.YEAR).expiryFrom(published, BRUSSELS))
			.isEqualTo(Instant.parse("2028-01-31T09:00:00Z"));
		// across the change to summer time the local hour stays, the UTC hour moves
		assertThat(new ValidityPeriod(10, ValidityPeriod.Unit.DAY).expiryFrom(Instant.parse("2026-03-25T09:00:00Z"), BRUSSELS))
			.isEqualTo(Instant.parse("2026-04-04T08:00:00Z"));
	}

	@Test
	void refusesNonsense() {
		assertThatThrownBy(() -> new ValidityPeriod(0, ValidityPeriod.Unit.DAY)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ValidityPeriod(1, null)).isInstanceOf(IllegalArgumentException.class);
		assertThat(ValidityPeriod.Unit.MONTH.contractName()).isEqualTo("month");
		assertThat(MessageTypeId.isValid("SpfFodSocialElections")).isTrue();
		assertThat(MessageTypeId.isValid("x y")).isFalse();
		assertThat(SenderApplicationId.isValid("db2b.SPFETCS-FODWASO.fgov.be")).isTrue();
	}
}
