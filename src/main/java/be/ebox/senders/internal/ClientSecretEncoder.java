package be.ebox.senders.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import be.ebox.documents.Digests;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes of machine client secrets. A generated secret has 256 random bits: no dictionary or brute force can reach
 * it, so a slow password hash (Argon2 takes tens of milliseconds and 16 MB per check) would only slow every token
 * request and hand an attacker a cheap way to load the server. Generated secrets are stored as {@code {sha256}hex}.
 * A secret chosen by a person (the demo secret) may be weak, so it is stored with the application's slow
 * {@code PasswordEncoder} ({@code {argon2}}/{@code {bcrypt}}), which this encoder delegates to for those prefixes.
 */
final class ClientSecretEncoder implements PasswordEncoder {

	static final String PREFIX = "{sha256}";

	private final PasswordEncoder slow;

	ClientSecretEncoder(PasswordEncoder slow) {
		this.slow = slow;
	}

	/** Only for generated, high-entropy secrets. */
	@Override
	public String encode(CharSequence rawSecret) {
		return PREFIX + hex(rawSecret);
	}

	/** For a secret a person chose. */
	String encodeChosen(CharSequence rawSecret) {
		return slow.encode(rawSecret);
	}

	@Override
	public boolean matches(CharSequence rawSecret, String encoded) {
		if (rawSecret == null || encoded == null) {
			return false;
		}
		if (encoded.startsWith(PREFIX)) {
			return MessageDigest.isEqual(encoded.substring(PREFIX.length()).getBytes(StandardCharsets.US_ASCII),
					hex(rawSecret).getBytes(StandardCharsets.US_ASCII));
		}
		return slow.matches(rawSecret, encoded);
	}

	/** Never re-hash: the form was chosen on purpose when the secret was made. */
	@Override
	public boolean upgradeEncoding(String encoded) {
		return false;
	}

	private static String hex(CharSequence secret) {
		return HexFormat.of().formatHex(Digests.sha256().digest(secret.toString().getBytes(StandardCharsets.UTF_8)));
	}
}
