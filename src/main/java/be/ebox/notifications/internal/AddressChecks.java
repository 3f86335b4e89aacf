package be.ebox.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Addresses waiting for their one-time verification link to be opened. Only the token's SHA-256 is stored. */
@Repository
class AddressChecks {

	enum OwnerKind {
		PERSON, EBOX
	}

	record Check(OwnerKind ownerKind, String owner, String address, String language) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	AddressChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return the token for the link (shown to nobody but the address's owner) */
	String create(Check check, Instant expiresAt) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				INSERT INTO notification_address_check (token_sha256, owner_kind, owner, address, language, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(sha256(token), check.ownerKind().name(), check.owner(), check.address(), check.language(),
					Times.db(expiresAt))
			.update();
		return token;
	}

	/** The check of a token that is still valid, removed so the link works once. */
	Optional<Check> consume(String token, Instant now) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		String hash = sha256(token);
		Optional<Check> check = jdbc.sql("""
				SELECT owner_kind, owner, address, language FROM notification_address_check
				WHERE token_sha256 = ? AND expires_at > ?""")
			.params(hash, Times.db(now))
			.query((rs, n) -> new Check(OwnerKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getString(4)))
			.optional();
		int removed = jdbc.sql("DELETE FROM notification_address_check WHERE token_sha256 = ?").param(hash).update();
		return removed == 1 ? check : Optional.empty();
	}

	private static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
