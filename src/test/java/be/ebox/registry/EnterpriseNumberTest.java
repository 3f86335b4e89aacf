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
	void thePlainFormsAgreeWithThePatternForEveryCheckValue() {
		// the extract's form (0123.456.789) and the bare digits take a path without the regular expression
		for (long base = 2_000_000; base < 19_999_999; base += 123_457) {
			for (int check = 0; check < 100; check++) {
				String digits = String.format("%08d%02d", base, check);
				String dotted = digits.substring(0, 4) + "." + digits.substring(4, 7) + "." + digits.substring(7);
				boolean valid = check == 97 - base % 97;
				assertThat(EnterpriseNumber.isValid(digits)).as(digits).isEqualTo(valid);
				assertThat(EnterpriseNumber.isValid(dotted)).as(dotted).isEqualTo(valid);
				assertThat(EnterpriseNumber.isValid("BE " + digits)).as("BE " + digits).isEqualTo(valid);
				if (valid) {
					assertThat(EnterpriseNumber.parse(dotted).digits()).isEqualTo(digits);
				}
			}
		}
	}

	@Test
	void equalityIsByDigits() {
		assertThat(EnterpriseNumber.parse("BE0200065765")).isEqualTo(EnterpriseNumber.parse("0200.065.765"));
	}
}
