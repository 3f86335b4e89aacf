package be.ebox.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.identity.AccountId;
import be.ebox.identity.SecondFactorChanged;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factors of person accounts: the TOTP app, the recovery codes and (through Spring Security's tables)
 * passkeys. Every change is recorded in the audit trail under the person's username, never with a secret or code.
 */
@Service
class SecondFactors {

	static final int RECOVERY_CODES = 10;

	/** What a person has enrolled. */
	record Status(boolean totp, int passkeys, int recoveryCodesLeft) {

		boolean any() {
			return totp || passkeys > 0;
		}
	}

	/** How a code was accepted, if it was. */
	enum Verified { TOTP, RECOVERY_CODE, REFUSED }

	private final JdbcClient jdbc;

	private final Totp totp;

	private final AuditTrail audit;

	private final Clock clock;

	private final RecoveryCodeGenerator recoveryCodes = new RecoveryCodeGenerator();

	private final ApplicationEventPublisher events;

	SecondFactors(JdbcClient jdbc, Totp totp, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.totp = totp;
		this.audit = audit;
		this.clock = clock;
	}

	Status status(AccountId account, String username) {
		boolean app = jdbc.sql("SELECT COUNT(*) FROM identity_totp WHERE account_id = ? AND confirmed_at IS NOT NULL")
			.param(account.value()).query(Long.class).single() > 0;
		int codes = jdbc.sql("SELECT COUNT(*) FROM identity_recovery_code WHERE account_id = ? AND used_at IS NULL")
			.param(account.value()).query(Long.class).single().intValue();
		return new Status(app, passkeys(username), codes);
	}

	/** One query: what the sign-in step asks at every request until the factor is verified. */
	boolean hasFactor(AccountId account, String username) {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM identity_totp WHERE account_id = ? AND confirmed_at IS NOT NULL)
				     + (SELECT COUNT(*) FROM user_credentials c JOIN user_entities u ON u.id = c.user_entity_user_id
				        WHERE u.name = ?)""")
			.params(account.value(), username).query(Long.class).single() > 0;
	}

	int passkeys(String username) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM user_credentials c JOIN user_entities u ON u.id = c.user_entity_user_id WHERE u.name = ?""")
			.param(username).query(Long.class).single().intValue();
	}

	/**
	 * The secret of an enrolment under way (a new one when there is none); an app already confirmed must be removed
	 * first.
	 */
	@Transactional
	String pendingSecret(AccountId account) {
		Optional<String> pending = jdbc.sql("SELECT secret FROM identity_totp WHERE account_id = ? AND confirmed_at IS NULL")
			.param(account.value()).query(String.class).optional();
		if (pending.isPresent()) {
			return pending.get();
		}
		String secret = totp.newSecret();
		int inserted = jdbc.sql("""
				INSERT INTO identity_totp (account_id, secret, created_at)
				SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM identity_totp WHERE account_id = ?)""")
			.params(account.value(), secret, OffsetDateTime.now(clock), account.value()).update();
		if (inserted == 0) {
			throw new IllegalStateException("An authenticator app is already enrolled");
		}
		return secret;
	}

	/**
	 * Confirms the app with a first code from it; answers the new recovery codes (to be shown once), or empty when the
	 * code is wrong.
	 */
	@Transactional
	Optional<List<String>> confirm(AccountId account, String username, String code) {
		var pending = jdbc.sql("SELECT secret, last_step FROM identity_totp WHERE account_id = ? AND confirmed_at IS NULL FOR UPDATE")
			.param(account.value())
			.query((rs, row) -> new Object[] { rs.getString(1), rs.getLong(2) }).optional();
		if (pending.isEmpty()) {
			return Optional.empty();
		}
		OptionalLong step = totp.matchingStep((String) pending.get()[0], digits(code), (Long) pending.get()[1]);
		if (step.isEmpty()) {
			return Optional.empty();
		}
		jdbc.sql("UPDATE identity_totp SET confirmed_at = ?, last_step = ? WHERE account_id = ?")
			.params(OffsetDateTime.now(clock), step.getAsLong(), account.value()).update();
		List<String> codes = replaceRecoveryCodes(account);
		record(username, "TOTP_ENROLLED", null);
		return Optional.of(codes);
	}

	/** Checks a code from the app or a recovery code; either is good once. */
	@Transactional
	Verified verify(AccountId account, String username, String code) {
		String digits = digits(code);
		if (digits.length() == Totp.DIGITS && digits.chars().allMatch(Character::isDigit)) {
			var app = jdbc.sql("SELECT secret, last_step FROM identity_totp WHERE account_id = ? AND confirmed_at IS NOT NULL FOR UPDATE")
				.param(account.value())
				.query((rs, row) -> new Object[] { rs.getString(1), rs.getLong(2) }).optional();
			if (app.isEmpty()) {
				return Verified.REFUSED;
			}
			OptionalLong step = totp.matchingStep((String) app.get()[0], digits, (Long) app.get()[1]);
			if (step.isEmpty()) {
				return Verified.REFUSED;
			}
			// the row lock above makes two requests with the same code take turns: the second sees the new last_step
			jdbc.sql("UPDATE identity_totp SET last_step = ? WHERE account_id = ?").params(step.getAsLong(), account.value()).update();
			return Verified.TOTP;
		}
		int used = jdbc.sql("UPDATE identity_recovery_code SET used_at = ? WHERE account_id = ? AND code_hash = ? AND used_at IS NULL")
			.params(OffsetDateTime.now(clock), account.value(), hash(code)).update();
		if (used == 0) {
			return Verified.REFUSED;
		}
		record(username, "RECOVERY_CODE_USED", null);
		return Verified.RECOVERY_CODE;
	}

	@Transactional
	List<String> renewRecoveryCodes(AccountId account, String username) {
		List<String> codes = replaceRecoveryCodes(account);
		record(username, "RECOVERY_CODES_RENEWED", null);
		return codes;
	}

	@Transactional
	void removeTotp(AccountId account, String username) {
		if (jdbc.sql("DELETE FROM identity_totp WHERE account_id = ?").param(account.value()).update() > 0) {
			record(username, "TOTP_REMOVED", null);
		}
	}

	/** {@code change} without its prefix: {@code TOTP_ENROLLED} is recorded as {@code SECOND_FACTOR_TOTP_ENROLLED}. */
	void record(String username, String change, String details) {
		audit.record(AuditEvent.of(username, "SECOND_FACTOR_" + change, null, details));
		events.publishEvent(new SecondFactorChanged(username, change));
	}

	private List<String> replaceRecoveryCodes(AccountId account) {
		jdbc.sql("DELETE FROM identity_recovery_code WHERE account_id = ?").param(account.value()).update();
		List<String> codes = List.of(recoveryCodes.generateCodes(RECOVERY_CODES));
		OffsetDateTime now = OffsetDateTime.now(clock);
		for (String code : codes) {
			jdbc.sql("INSERT INTO identity_recovery_code (account_id, code_hash, created_at) VALUES (?, ?, ?)")
				.params(account.value(), hash(code), now).update();
		}
		return codes;
	}

	/** Spaces and dashes are how codes are written down, not part of them. */
	private static String digits(String code) {
		return code == null ? "" : code.replaceAll("[\\s-]", "");
	}

	/** The stored form of a recovery code: SHA-256 (hex) of the code without spaces or dashes, in lower case. */
	static String hash(String code) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(digits(code).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
