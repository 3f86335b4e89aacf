package be.ebox.enrolment;

/**
 * An activation code was not accepted. Deliberately one reason for all cases (unknown username, wrong,
 * expired, used or replaced code) so that nobody learns which usernames exist. Message key {@code activation.refused}.
 */
public class ActivationRefusedException extends RuntimeException {

	public ActivationRefusedException() {
		super("Activation refused");
	}

	public String messageKey() {
		return "activation.refused";
	}
}
