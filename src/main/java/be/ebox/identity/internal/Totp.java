package be.ebox.identity.internal;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.OptionalLong;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import org.springframework.stereotype.Component;

/**
 * RFC 6238 time-based codes as every authenticator app makes them: HMAC-SHA1, 6 digits, 30-second steps. The
 * library makes the codes; the step arithmetic is ours because the library's verifier only says yes or no, and
 * refusing a replayed code needs to know which step matched.
 */
@Component
class Totp {

	static final int PERIOD_SECONDS = 30;

	static final int DIGITS = 6;

	/** Steps accepted on either side of the current one: a phone clock off by up to 30 seconds still works. */
	static final int WINDOW = 1;

	private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

	/** 32 base32 characters: 160 bits, the key size RFC 4226 recommends for HMAC-SHA1. */
	private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);

	private final Clock clock;

	Totp(Clock clock) {
		this.clock = clock;
	}

	String newSecret() {
		return secrets.generate();
	}

	long currentStep() {
		return Math.floorDiv(clock.millis() / 1000, PERIOD_SECONDS);
	}

	String code(String secret, long step) {
		try {
			return generator.generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException("TOTP code generation failed", ex);
		}
	}

	/**
	 * The step whose code the person typed, if it is within the window around now and later than
	 * {@code lastUsedStep} (a code is good once).
	 */
	OptionalLong matchingStep(String secret, String code, long lastUsedStep) {
		if (code == null || code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
			return OptionalLong.empty();
		}
		long now = currentStep();
		OptionalLong match = OptionalLong.empty();
		// every step of the window is computed, whatever matches, so the time taken says nothing
		for (long step = now - WINDOW; step <= now + WINDOW; step++) {
			boolean equal = MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII));
			if (equal && step > lastUsedStep && match.isEmpty()) {
				match = OptionalLong.of(step);
			}
		}
		return match;
	}

	/** The {@code otpauth://} URI authenticator apps read from the QR code. */
	static String uri(String issuer, String username, String secret) {
		String label = encode(issuer) + ":" + encode(username);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits="
				+ DIGITS + "&period=" + PERIOD_SECONDS;
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
