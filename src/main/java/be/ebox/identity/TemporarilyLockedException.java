package be.ebox.identity;

import java.time.Duration;

/** Too many failed attempts: try again after {@link #retryAfter()}. Message key {@code signIn.locked}. */
public class TemporarilyLockedException extends RuntimeException {

	private final Duration retryAfter;

	public TemporarilyLockedException(Duration retryAfter) {
		super("Temporarily locked");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}
