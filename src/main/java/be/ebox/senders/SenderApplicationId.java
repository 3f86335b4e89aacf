package be.ebox.senders;

/** The identifier of a sender application, e.g. {@code db2b.SPFETCS-FODWASO.fgov.be}: letters, digits, {@code . _ - :}. */
public record SenderApplicationId(String value) {

	private static final int MAX_LENGTH = 100;

	public SenderApplicationId {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not a sender application id: " + value);
		}
	}

	/**
	 * A letter or digit, then up to 99 of those or {@code . _ - :}. Checked character by character rather than with a
	 * regular expression: every message read builds one, and the regular expression was a visible part of a page.
	 */
	public static boolean isValid(String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !letterOrDigit(value.charAt(0))) {
			return false;
		}
		for (int i = 1; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!letterOrDigit(c) && !(c == '.' || c == '_' || c == '-' || c == ':')) {
				return false;
			}
		}
		return true;
	}

	private static boolean letterOrDigit(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	}

	@Override
	public String toString() {
		return value;
	}
}
