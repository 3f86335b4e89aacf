package be.ebox.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnterpriseNumberTest {

	@ParameterizedTest
	@ValueSource(strings = { "0200065765", "0200.065.765", "BE0200065765", "be 0200.065.765", " 0200 065 765 " })
	void acceptsTheUsualWritings(String text) {
		assertThat(EnterpriseNumber.parse(text).formatted()).isEqualTo("0200.065.765");
		assertThat(EnterpriseNumber.parse(text).digits()).isEqualTo("0200065765");
	}

	@Test
	void checkDigitsAreNinetySevenMinusTheRestOfTheFirstEight() {
		// 02000657 mod 97 = 32, 97 - 32 = 65
		assertThat(EnterpriseNumber.isValid("0200065765")).isTrue();
		assertThat(EnterpriseNumber.isValid("0200065766")).isFalse();
	}

	@Test
	void refusesWrongCheckDigitsWithTheirReason() {
		assertThatThrownBy(() -> EnterpriseNumber.parse("0200.065.766"))
			.isInstanceOfSatisfying(InvalidEnterpriseNumberException.class,
					ex -> assertThat(ex.reason()).isEqualTo(InvalidEnterpriseNumberException.Reason.CHECK_DIGITS));
	}

	@ParameterizedTest
	@ValueSource(strings = { "200065765", "02000657655", "2200065765", "0200-065-765", "NL0200065765", "abc" })
	void refusesOtherFormats(String text) {
		assertThatThrownBy(() -> EnterpriseNumber.parse(text))
			.isInstanceOfSatisfying(InvalidEnterpriseNumberException.class,
					ex -> assertThat(ex.reason()).isEqualTo(InvalidEnterpriseNumberException.Reason.FORMAT));
	}

	@Test
	void refusesEmptyInput() {
		assertThatThrownBy(() -> EnterpriseNumber.parse("  "))
			.isInstanceOfSatisfying(InvalidEnterpriseNumberException.class,
					ex -> assertThat(ex.reason()).isEqualTo(InvalidEnterpriseNumberException.Reason.EMPTY));
		assertThatThrownBy(() -> EnterpriseNumber.parse(null)).isInstanceOf(InvalidEnterpriseNumberException.class);
	}

	@Test
	void equalityIsByDigits() {
		assertThat(EnterpriseNumber.parse("BE0200065765")).isEqualTo(EnterpriseNumber.parse("0200.065.765"));
	}
}
