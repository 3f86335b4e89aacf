package be.ebox.identity;

/** A chosen password was refused; {@link #reason()} names the rule for the message key {@code password.refused.REASON}. */
public class PasswordPolicyException extends RuntimeException {

	public enum Reason { TOO_SHORT, TOO_COMMON, CONTAINS_USERNAME }

	private final Reason reason;

	public PasswordPolicyException(Reason reason) {
		super("Password refused: " + reason);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	public String messageKey() {
		return "password.refused." + reason;
	}
}
