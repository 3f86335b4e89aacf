package be.ebox.registry;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A KBO/BCE enterprise number: ten digits, the first 0 or 1, the last two a mod-97 check
 * on the first eight. Holds only valid numbers; parse once at the edge.
 */
public final class EnterpriseNumber implements Comparable<EnterpriseNumber> {

	private static final Pattern ACCEPTED = Pattern.compile("(?:BE)?\\s*([01]\\d{3})[.\\s]?(\\d{3})[.\\s]?(\\d{3})");

	private final String digits;

	private EnterpriseNumber(String digits) {
		this.digits = digits;
	}

	/**
	 * Accepts {@code 0123456789}, {@code 0123.456.789} and {@code BE0123456789} (case and
	 * surrounding blanks ignored).
	 * @throws InvalidEnterpriseNumberException with a reason when the text is no valid number
	 */
	public static EnterpriseNumber parse(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidEnterpriseNumberException(InvalidEnterpriseNumberException.Reason.EMPTY, text);
		}
		String plain = plainDigits(text);
		if (plain != null) {
			if (!hasValidCheckDigits(plain)) {
				throw new InvalidEnterpriseNumberException(InvalidEnterpriseNumberException.Reason.CHECK_DIGITS, text);
			}
			return new EnterpriseNumber(plain);
		}
		var matcher = ACCEPTED.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
		if (!matcher.matches()) {
			throw new InvalidEnterpriseNumberException(InvalidEnterpriseNumberException.Reason.FORMAT, text);
		}
		String digits = matcher.group(1) + matcher.group(2) + matcher.group(3);
		if (!hasValidCheckDigits(digits)) {
			throw new InvalidEnterpriseNumberException(InvalidEnterpriseNumberException.Reason.CHECK_DIGITS, text);
		}
		return new EnterpriseNumber(digits);
	}

	public static boolean isValid(String text) {
		try {
			parse(text);
			return true;
		}
		catch (InvalidEnterpriseNumberException ex) {
			return false;
		}
	}

	/**
	 * The ten digits of {@code 0123.456.789} or {@code 0123456789} exactly (the forms of the KBO extract and of our
	 * own pages), or null for anything else, which then goes through the pattern. The registry import parses millions
	 * of numbers; this path spares the regular expression, the upper-casing and the substrings.
	 */
	private static String plainDigits(String text) {
		int length = text.length();
		if (length != 10 && (length != 12 || text.charAt(4) != '.' || text.charAt(8) != '.')) {
			return null;
		}
		char[] digits = new char[10];
		int d = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (length == 12 && (i == 4 || i == 8)) {
				continue;
			}
			if (c < '0' || c > '9') {
				return null;
			}
			digits[d++] = c;
		}
		return digits[0] <= '1' ? new String(digits) : null;
	}

	static boolean hasValidCheckDigits(String tenDigits) {
		long base = 0;
		for (int i = 0; i < 8; i++) {
			base = base * 10 + (tenDigits.charAt(i) - '0');
		}
		int check = (tenDigits.charAt(8) - '0') * 10 + (tenDigits.charAt(9) - '0');
		return 97 - (base % 97) == check;
	}

	/** The ten digits, as stored. */
	public String digits() {
		return digits;
	}

	/** The display form {@code 0123.456.789}. */
	public String formatted() {
		return digits.substring(0, 4) + "." + digits.substring(4, 7) + "." + digits.substring(7);
	}

	@Override
	public String toString() {
		return formatted();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EnterpriseNumber that && digits.equals(that.digits);
	}

	@Override
	public int hashCode() {
		return Objects.hash(digits);
	}

	@Override
	public int compareTo(EnterpriseNumber other) {
		return digits.compareTo(other.digits);
	}
}
