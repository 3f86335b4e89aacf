package be.ebox.senders;

import java.util.regex.Pattern;

/** The identifier of a sender application, e.g. {@code db2b.SPFETCS-FODWASO.fgov.be}: letters, digits, {@code . _ - :}. */
public record SenderApplicationId(String value) {

	private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

	public SenderApplicationId {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not a sender application id: " + value);
		}
	}

	public static boolean isValid(String value) {
		return value != null && FORM.matcher(value).matches();
	}

	@Override
	public String toString() {
		return value;
	}
}
