package be.ebox.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The SHA-256 link of a record to its predecessor, over a canonical form of its fields. */
final class RecordHash {

	/** The "previous hash" of the first record. */
	static final String GENESIS = "0".repeat(64);

	private static final char SEPARATOR = '\u001f';

	private RecordHash() {
	}

	static String of(String previous, long seq, Instant at, String actor, String action, String enterprise,
			String details) {
		// fields never contain control characters (see clean), so the separator cannot be forged from inside a field
		String canonical = String.join(String.valueOf(SEPARATOR), previous, Long.toString(seq), at.toString(),
				nullToEmpty(actor), nullToEmpty(action), nullToEmpty(enterprise), nullToEmpty(details));
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What we store, so that what the database gives back is exactly what was hashed: control characters (NUL is
	 * refused by PostgreSQL, the separator would blur field boundaries) become spaces, a lone surrogate (it would not
	 * survive the round trip through UTF-8) becomes U+FFFD, and the text is cut to at most {@code maxChars} UTF-16
	 * units (H2 counts those, PostgreSQL code points) without splitting a pair.
	 */
	static String clean(String value, int maxChars) {
		if (value == null) {
			return null;
		}
		var out = new StringBuilder(Math.min(value.length(), maxChars));
		for (int i = 0; i < value.length();) {
			int cp = value.codePointAt(i);
			i += Character.charCount(cp);
			if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT && Character.isSurrogate((char) cp)) {
				cp = '\uFFFD';
			}
			if (out.length() + Character.charCount(cp) > maxChars) {
				break;
			}
			out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp);
		}
		return out.toString();
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
