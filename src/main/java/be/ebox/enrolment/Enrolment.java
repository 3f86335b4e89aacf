package be.ebox.enrolment;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import be.ebox.identity.AccountId;
import be.ebox.identity.PasswordPolicyException;
import be.ebox.identity.TemporarilyLockedException;
import be.ebox.registry.EnterpriseNumber;

/** Registration and activation of e-Boxes: what pages, demo data and other modules may ask. */
public interface Enrolment {

	/**
	 * Registers the enterprise in one transaction: the e-Box (REGISTERED), the main access manager's pending
	 * account and role, and an activation letter in the postal outbox.
	 * @throws RegistrationRefusedException when the enterprise may not (or no longer) register
	 * @throws IllegalArgumentException when the representative's name, e-mail or language is not acceptable
	 */
	RegistrationReceipt register(RegistrationRequest request);

	/**
	 * Like {@link #register} but hands the username and activation code back to the in-process caller (demo
	 * data, tests). The letter is put in the postal outbox all the same.
	 */
	ActivationCredentials registerWithCredentials(RegistrationRequest request);

	/**
	 * Like {@link #registerWithCredentials(RegistrationRequest)} but with the main access manager's username chosen by
	 * the in-process caller (demo accounts with names a README can list) instead of one derived from the name.
	 * @throws be.ebox.identity.UsernameTakenException when the username exists (nothing is registered then)
	 */
	ActivationCredentials registerWithCredentials(RegistrationRequest request, String username);

	/**
	 * Checks a username and activation code typed by a person, throttled per username and client address.
	 * Changes nothing but the throttle and the audit trail.
	 * @throws ActivationRefusedException for every kind of wrong input, without saying which
	 * @throws TemporarilyLockedException when too many attempts failed
	 */
	VerifiedActivation verifyActivationCode(String username, String activationCode, String clientAddress);

	/**
	 * Second step: in one transaction sets the password, consumes the code, makes the e-Box ACTIVE with the accepted
	 * terms version. The caller signs the person in afterwards.
	 * @throws PasswordPolicyException when the password is refused (nothing changes)
	 * @throws ActivationRefusedException when the code was used, replaced or expired in the meantime
	 * @throws IllegalArgumentException when {@code termsVersion} is not the current version
	 */
	void completeActivation(VerifiedActivation verified, String password, String termsVersion);

	/** Both steps at once, without throttling: for in-process callers (demo data, tests). */
	AccountId activate(String username, String activationCode, String password, String termsVersion);

	/**
	 * Voids the current code and letter of a registration that is not yet active and puts a new letter (new code)
	 * in the postal outbox.
	 * @throws IllegalStateException when the enterprise is not registered or already active
	 */
	void issueNewLetter(EnterpriseNumber enterprise, String operator);

	Optional<EboxState> state(EnterpriseNumber enterprise);

	/** Those of the enterprises whose e-Box is ACTIVE, with one query (bulk publication checks thousands at once). */
	default Set<EnterpriseNumber> active(Collection<EnterpriseNumber> enterprises) {
		var active = new HashSet<EnterpriseNumber>();
		enterprises.forEach(e -> state(e).filter(EboxState.ACTIVE::equals).ifPresent(s -> active.add(e)));
		return active;
	}
}
