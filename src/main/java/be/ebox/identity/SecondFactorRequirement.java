package be.ebox.identity;

/**
 * Says which accounts must use a second factor whatever {@code EBOX_SECOND_FACTOR_USERS} says, e.g. the access
 * managers of an enterprise. Another module implements it (the identity module does not know enterprise roles); the
 * identity module asks every implementation at sign-in and, until the person has verified a factor, at every request,
 * so a person appointed during an open session must enrol at once.
 */
public interface SecondFactorRequirement {

	boolean requiresSecondFactor(AccountId account);
}
