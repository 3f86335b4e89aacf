package be.ebox.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * SHA-256 digests in the two spellings we meet: lower-case hex (our storage key) and base64url as the e-Box contract
 * writes {@code digestValue} (RFC 4648 §5; senders may or may not pad, both are accepted).
 */
public final class Digests {

	private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

	private Digests() {
	}

	public static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	public static String sha256Hex(byte[] content) {
		return HexFormat.of().formatHex(sha256().digest(content));
	}

	public static String sha256Base64Url(byte[] content) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256().digest(content));
	}

	public static String hexToBase64Url(String sha256Hex) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(sha256Hex));
	}

	/**
	 * The hex form of a contract digest value.
	 * @throws IllegalArgumentException when the value is no base64url encoding of 32 bytes
	 */
	public static String base64UrlToHex(String base64Url) {
		byte[] bytes = Base64.getUrlDecoder().decode(base64Url.strip());
		if (bytes.length != 32) {
			throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, not " + bytes.length);
		}
		return HexFormat.of().formatHex(bytes);
	}

	/** Whether a text is a SHA-256 in our storage form (64 lower-case hex digits). */
	public static boolean isSha256Hex(String text) {
		return text != null && HEX.matcher(text).matches();
	}

	/** Constant-time comparison of two contract digest values (padding ignored). */
	public static boolean sameBase64Url(String a, String b) {
		try {
			return MessageDigest.isEqual(HexFormat.of().parseHex(base64UrlToHex(a)), HexFormat.of().parseHex(base64UrlToHex(b)));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}
}
