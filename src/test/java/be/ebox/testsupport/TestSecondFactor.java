package be.ebox.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one place that knows how tests pass the second step of signing in, which e-Box requires of access managers
 * (and of everyone with a factor enrolled) with no test bypass. The sign-in helpers ({@code be.ebox.WebSession},
 * the access tests' {@code People}, both {@code Browser}s) call it when e-Box sends them to {@code /second-factor}:
 * the account gets the known authenticator app {@link #SECRET} (as if it had enrolled) and a fresh single-use
 * recovery code, stored as e-Box stores them, which the helper types in. A recovery code rather than an app code:
 * it does not depend on the application's clock (tests move it) and two sign-ins in the same 30 seconds both work
 * (an app code is refused the second time, as it must be).
 */
public final class TestSecondFactor {

	/** Base32 key of the authenticator app that {@link #enrol} gives an account. */
	public static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	/** Where e-Box sends a person who owes the second step: {@code /second-factor} (prove) or {@code /second-factor/enrol}. */
	public static final String PAGE = "/second-factor";

	private static final SecureRandom RANDOM = new SecureRandom();

	private TestSecondFactor() {
	}

	/** True when a redirect or a page path is one of the second-step pages. */
	public static boolean isSecondStep(String pathOrLocation) {
		return pathOrLocation != null && pathOrLocation.contains(PAGE);
	}

	/** Gives the account the authenticator app {@link #SECRET}, confirmed, unless it has one already. */
	public static void enrol(JdbcClient jdbc, UUID account) {
		jdbc.sql("DELETE FROM identity_totp WHERE account_id = ? AND confirmed_at IS NULL").param(account).update();
		jdbc.sql("""
				INSERT INTO identity_totp (account_id, secret, created_at, confirmed_at)
				SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM identity_totp WHERE account_id = ?)""")
			.params(account, SECRET, OffsetDateTime.now(), OffsetDateTime.now(), account)
			.update();
	}

	/** The account id of a username (usernames are stored in lower case). */
	public static UUID account(JdbcClient jdbc, String username) {
		return jdbc.sql("SELECT id FROM identity_account WHERE username = ?")
			.param(username.strip().toLowerCase(Locale.ROOT))
			.query(UUID.class)
			.single();
	}

	/** Enrols the account if needed and answers a new single-use recovery code to type on {@code /second-factor}. */
	public static String answer(JdbcClient jdbc, UUID account) {
		enrol(jdbc, account);
		return recoveryCode(jdbc, account);
	}

	/** A new unused recovery code of the account, stored as SHA-256 (hex) of the code without dashes, lower case. */
	public static String recoveryCode(JdbcClient jdbc, UUID account) {
		byte[] random = new byte[10];
		RANDOM.nextBytes(random);
		String code = HexFormat.of().formatHex(random);
		jdbc.sql("INSERT INTO identity_recovery_code (account_id, code_hash, created_at) VALUES (?, ?, ?)")
			.params(account, sha256(code), OffsetDateTime.now())
			.update();
		return code.substring(0, 10) + "-" + code.substring(10);
	}

	/** The 6-digit code an authenticator app with this key shows at the clock's time. */
	public static String code(String secret, Clock clock) {
		return code(secret, Math.floorDiv(clock.millis() / 1000, 30));
	}

	/** The 6-digit code of one 30-second step. */
	public static String code(String secret, long step) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sha256(String code) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
