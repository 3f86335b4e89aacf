package be.ebox.elections.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import be.ebox.documents.Digests;

/**
 * Web application passwords of the dossiers: 20 random characters of a 32-letter alphabet without look-alikes
 * (100 bits), printed in groups of four. Stored as a random 128-bit salt and SHA-256(salt || password).
 * <p>
 * Why not bcrypt or Argon2 like the e-Box logins: a slow hash protects passwords that people choose, which an attacker
 * can guess from a dictionary. These are machine-drawn with 100 bits of entropy; even at 10^12 SHA-256 per second an
 * offline search takes about 10^10 years, so slowing each guess down adds nothing, while 15 000 letters at 500 per
 * second leave 2 ms per letter, where one bcrypt or Argon2 hash alone costs tens of milliseconds. The salt keeps two
 * equal hashes from telling that two dossiers share a password.
 */
final class DossierPasswords {

	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private static final int LENGTH = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private DossierPasswords() {
	}

	/** e.g. {@code K7QM-2XPA-…}: five groups of four characters. */
	static String generate() {
		var password = new StringBuilder(LENGTH + 4);
		for (int i = 0; i < LENGTH; i++) {
			if (i > 0 && i % 4 == 0) {
				password.append('-');
			}
			password.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return password.toString();
	}

	static String hash(String password) {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return "s256$" + HexFormat.of().formatHex(salt) + "$" + HexFormat.of().formatHex(digest(salt, normalise(password)));
	}

	static boolean matches(String password, String stored) {
		if (password == null || stored == null || !stored.startsWith("s256$")) {
			return false;
		}
		String[] parts = stored.split("\\$");
		if (parts.length != 3) {
			return false;
		}
		byte[] salt = HexFormat.of().parseHex(parts[1]);
		return MessageDigest.isEqual(digest(salt, normalise(password)), HexFormat.of().parseHex(parts[2]));
	}

	/** Typed by people from a letter: case, spaces and dashes do not matter. */
	static String normalise(String password) {
		return password.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
	}

	private static byte[] digest(byte[] salt, String password) {
		MessageDigest sha256 = Digests.sha256();
		sha256.update(salt);
		return sha256.digest(password.getBytes(StandardCharsets.UTF_8));
	}
}
