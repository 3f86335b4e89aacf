package be.ebox.notifications.internal;

/** A settings form the rules refuse; {@code code} is the message key shown next to the field. */
class SettingsRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	final String field;

	final String code;

	SettingsRefused(String field, String code) {
		super(code);
		this.field = field;
		this.code = code;
	}
}
