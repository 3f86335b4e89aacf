package be.ebox.registry;

/** Thrown when text is not a valid enterprise number; {@link #reason()} says why, for a message key. */
public class InvalidEnterpriseNumberException extends IllegalArgumentException {

	public enum Reason { EMPTY, FORMAT, CHECK_DIGITS }

	private final Reason reason;

	public InvalidEnterpriseNumberException(Reason reason, String input) {
		super("Invalid enterprise number (" + reason + "): " + input);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	/** Message key for pages and problem details, e.g. {@code enterpriseNumber.invalid.CHECK_DIGITS}. */
	public String messageKey() {
		return "enterpriseNumber.invalid." + reason;
	}
}
