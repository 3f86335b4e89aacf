package be.ebox.testsupport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import be.ebox.identity.SignInThrottle;
import be.ebox.identity.TemporarilyLockedException;

/**
 * Test stand-in for the identity module's throttle while that is built on another branch: five failures lock a
 * username (or an address) until a success. Only registered when the application has no {@link SignInThrottle}.
 */
public class InMemorySignInThrottle implements SignInThrottle {

	static final int LIMIT = 5;

	private final Map<String, Integer> failures = new ConcurrentHashMap<>();

	@Override
	public void checkAllowed(String username, String clientAddress) {
		if (failures.getOrDefault("u:" + username, 0) >= LIMIT || failures.getOrDefault("a:" + clientAddress, 0) >= LIMIT * 4) {
			throw new TemporarilyLockedException(Duration.ofMinutes(15));
		}
	}

	@Override
	public void recordFailure(String username, String clientAddress) {
		failures.merge("u:" + username, 1, Integer::sum);
		failures.merge("a:" + clientAddress, 1, Integer::sum);
	}

	@Override
	public void recordSuccess(String username, String clientAddress) {
		failures.remove("u:" + username);
	}
}
