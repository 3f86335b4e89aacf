package be.ebox.senders;

import java.util.regex.Pattern;

/** The identifier of a message type, e.g. {@code SpfFodSocialElections}: letters, digits, {@code . _ -}, at most 100. */
public record MessageTypeId(String value) {

	private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

	public MessageTypeId {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not a message type id: " + value);
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
