package be.ebox.enrolment.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Activation codes: 16 characters from an alphabet without look-alikes (no I, O, 0, 1), i.e. 80 bits of
 * randomness, shown as {@code XXXX-XXXX-XXXX-XXXX}.
 * <p>
 * Only a SHA-256 of the code is stored. A slow password hash (argon2/bcrypt) protects guessable secrets; this code is
 * not guessable (2^80 candidates make even a fast hash infeasible to invert), and an unsalted deterministic hash
 * lets us find a code by its hash and keep it unique with a constraint.
 */
@Component
class ActivationCodes {

	static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	static final int LENGTH = 16;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration validity;

	ActivationCodes(JdbcClient jdbc, Clock clock, @Value("${ebox.enrolment.activation-code-validity:30d}") Duration validity) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.validity = validity;
	}

	record IssuedCode(UUID id, String code, Instant expiresAt) {

		@Override
		public String toString() {
			return "IssuedCode[id=" + id + ", expiresAt=" + expiresAt + "]";
		}
	}

	record StoredCode(UUID id, EnterpriseNumber enterprise, AccountId account, Instant expiresAt, Instant usedAt,
			Instant voidedAt) {

		boolean usableAt(Instant now) {
			return usedAt == null && voidedAt == null && now.isBefore(expiresAt);
		}
	}

	/** Stores a fresh code for the account and returns it (the only moment it exists in clear). */
	IssuedCode issue(EnterpriseNumber enterprise, AccountId account) {
		String code = generate();
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		Instant expiresAt = now.plus(validity);
		jdbc.sql("""
				INSERT INTO enrolment_activation_code (id, enterprise_number, account_id, code_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(id, enterprise.digits(), account.value(), hash(code), utc(now), utc(expiresAt))
			.update();
		return new IssuedCode(id, grouped(code), expiresAt);
	}

	/** Stops every code of the enterprise that still works, at once. */
	int voidOpen(EnterpriseNumber enterprise) {
		return jdbc.sql("""
				UPDATE enrolment_activation_code SET voided_at = ?
				WHERE enterprise_number = ? AND used_at IS NULL AND voided_at IS NULL""")
			.params(utc(clock.instant()), enterprise.digits())
			.update();
	}

	/** The code of this account that matches what was typed, whatever its state. */
	Optional<StoredCode> find(AccountId account, String typed) {
		String normalized = normalized(typed);
		if (normalized.length() != LENGTH) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT * FROM enrolment_activation_code WHERE code_hash = ? AND account_id = ?")
			.params(hash(normalized), account.value())
			.query((rs, row) -> new StoredCode(rs.getObject("id", UUID.class),
					EnterpriseNumber.parse(rs.getString("enterprise_number")), account,
					instant(rs.getObject("expires_at", OffsetDateTime.class)),
					instant(rs.getObject("used_at", OffsetDateTime.class)),
					instant(rs.getObject("voided_at", OffsetDateTime.class))))
			.optional();
	}

	/** Marks the code used; false when it was used, voided or expired meanwhile (so two tabs cannot both use it). */
	boolean consume(UUID id) {
		OffsetDateTime now = utc(clock.instant());
		return jdbc.sql("""
				UPDATE enrolment_activation_code SET used_at = ?
				WHERE id = ? AND used_at IS NULL AND voided_at IS NULL AND expires_at > ?""")
			.params(now, id, now)
			.update() == 1;
	}

	String generate() {
		var code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** {@code XXXX-XXXX-XXXX-XXXX}, as printed on the letter. */
	static String grouped(String code) {
		String normalized = normalized(code);
		var grouped = new StringBuilder();
		for (int i = 0; i < normalized.length(); i += 4) {
			if (i > 0) {
				grouped.append('-');
			}
			grouped.append(normalized, i, Math.min(i + 4, normalized.length()));
		}
		return grouped.toString();
	}

	/** What people type: any case, with or without dashes and blanks. */
	static String normalized(String typed) {
		return typed == null ? "" : typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
	}

	static String hash(String code) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized(code).getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}
}
