package be.ebox.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Codes against the RFC 6238 test vectors (SHA-1), and the window and replay rules, with a fixed clock. */
class TotpTest {

	/** The RFC's SHA-1 seed, the ASCII of "12345678901234567890", as the base32 an app is given. */
	private static final String RFC_SECRET = new Base32().encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	/** The RFC lists 8-digit codes; a 6-digit code is the same number modulo 10^6, i.e. its last six digits. */
	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void matchesTheRfc6238TestVectors(long seconds, String eightDigits) {
		var totp = new Totp(Clock.fixed(Instant.ofEpochSecond(seconds), ZoneOffset.UTC));
		assertThat(totp.code(RFC_SECRET, totp.currentStep())).isEqualTo(eightDigits.substring(2));
		assertThat(totp.matchingStep(RFC_SECRET, eightDigits.substring(2), 0)).hasValue(seconds / 30);
	}

	@Test
	void acceptsOneStepEitherSideAndEachStepOnce() {
		var totp = new Totp(Clock.fixed(Instant.ofEpochSecond(1_111_111_111L), ZoneOffset.UTC));
		long now = totp.currentStep();
		assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, now - 1), 0)).hasValue(now - 1);
		assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, now + 1), 0)).hasValue(now + 1);
		assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, now - 2), 0)).isEmpty();
		assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, now + 2), 0)).isEmpty();
		assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, now), now)).as("replay").isEmpty();
		assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, now), now - 1)).hasValue(now);
		assertThat(totp.matchingStep(RFC_SECRET, "12345", 0)).isEmpty();
		assertThat(totp.matchingStep(RFC_SECRET, "abcdef", 0)).isEmpty();
		assertThat(totp.matchingStep(RFC_SECRET, null, 0)).isEmpty();
	}

	@Test
	void theAppUriCarriesTheKeyAndTheIssuer() {
		assertThat(Totp.uri("e-Box", "jan peeters", "ABC")).isEqualTo(
				"otpauth://totp/e-Box:jan%20peeters?secret=ABC&issuer=e-Box&algorithm=SHA1&digits=6&period=30");
		assertThat(QrCode.svg(Totp.uri("e-Box", "jan", "ABC"))).startsWith("<svg").endsWith("</svg>");
	}
}
