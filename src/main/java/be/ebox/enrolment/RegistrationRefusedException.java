package be.ebox.enrolment;

/** A registration was refused; {@link #messageKey()} says why, in words for the person who registers. */
public class RegistrationRefusedException extends RuntimeException {

	public enum Reason {
		/** not in the registry */
		UNKNOWN,
		/** a natural person (or of unknown type): only legal entities have an e-Box */
		NATURAL_PERSON,
		/** stopped, dissolved, in liquidation, bankrupt... */
		NOT_ACTIVE,
		/** the registry knows no registered office, so the activation letter has nowhere to go */
		NO_REGISTERED_OFFICE,
		/** the enterprise already has an e-Box (registered or active) */
		ALREADY_REGISTERED
	}

	private final Reason reason;

	public RegistrationRefusedException(Reason reason) {
		super("Registration refused: " + reason);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	/** {@code registration.refused.REASON} in the enrolment bundle. */
	public String messageKey() {
		return "registration.refused." + reason;
	}
}
