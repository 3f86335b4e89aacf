package be.ebox.identity;

import java.util.Optional;

/** Person accounts: what other modules may do with them. */
public interface Accounts {

	/**
	 * Creates an account without a password, in state {@link AccountState#PENDING_ACTIVATION}.
	 * @throws UsernameTakenException when the (case-insensitive) username exists
	 */
	AccountId createPending(String username, String displayName, String email, String language);

	Optional<Account> find(AccountId id);

	Optional<Account> findByUsername(String username);

	/**
	 * Sets the password after checking the password policy and makes the account active.
	 * @throws PasswordPolicyException when the password is refused; nothing is changed then
	 */
	void choosePassword(AccountId id, String rawPassword);

	/**
	 * Checks a password against the policy for the given username without storing anything (e.g. a configured
	 * secret checked before the start goes on).
	 * @throws PasswordPolicyException when the password is refused
	 */
	void checkPasswordPolicy(String username, String rawPassword);

	/**
	 * Stores the language the person chose (nl, fr, de or en), used for their pages, e-mails and letters.
	 * The identity module calls it itself when a signed-in person switches the page language.
	 * @throws IllegalArgumentException when the language is not one of the four
	 */
	void changeLanguage(AccountId id, String language);
}
