package be.ebox.senders;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Message type and sender application ids accept exactly what their documented form says. */
class IdentifiersTest {

	private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

	private static final Pattern APPLICATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

	private static final List<String> SAMPLES = List.of("SpfFodSocialElections", "db2b.SPFETCS-FODWASO.fgov.be", "a",
			"9", "a:b", "x_y-z.0", "", " ", ".a", "-a", ":a", "_a", "a b", "a/b", "é", "aé", "a\n", "A".repeat(100),
			"A".repeat(101), "a" + ":".repeat(99), "Z.z_9-0");

	@Test
	void theFormIsLettersOrDigitsThenAlsoDotUnderscoreDashAndColonForApplicationsAtMostAHundred() {
		for (String sample : SAMPLES) {
			assertThat(MessageTypeId.isValid(sample)).as("type id %s", sample).isEqualTo(TYPE.matcher(sample).matches());
			assertThat(SenderApplicationId.isValid(sample)).as("application id %s", sample)
				.isEqualTo(APPLICATION.matcher(sample).matches());
		}
		assertThat(MessageTypeId.isValid(null)).isFalse();
		assertThat(SenderApplicationId.isValid(null)).isFalse();
	}
}
