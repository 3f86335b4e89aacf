package be.ebox.identity;

/**
 * Throttling and temporary lockout of secret-guessing, per account name and per client address, for the
 * login form and any other place where a person proves a secret (e.g. an activation code). Callers never
 * reveal whether a username exists: they record a failure for unknown names too.
 */
public interface SignInThrottle {

	/** @throws TemporarilyLockedException when the username or the client address is locked out right now */
	void checkAllowed(String username, String clientAddress);

	void recordFailure(String username, String clientAddress);

	void recordSuccess(String username, String clientAddress);
}
