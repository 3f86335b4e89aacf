package be.ebox.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import be.ebox.identity.PasswordPolicyException;
import com.nulabinc.zxcvbn.StandardDictionaries;
import org.springframework.stereotype.Component;

/**
 * At least 12 characters, not one of the 10 000 most common passwords, not containing the username.
 * The common-password list is zxcvbn's ranked list (frequency order) rather than a file of our own.
 */
@Component
class PasswordPolicy {

	static final int MINIMUM_LENGTH = 12;

	static final int COMMON_PASSWORDS = 10_000;

	private final Set<String> common;

	PasswordPolicy() {
		try {
			var ranked = StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies();
			this.common = new HashSet<>(ranked.subList(0, Math.min(COMMON_PASSWORDS, ranked.size())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void check(String username, String password) {
		if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
			throw new PasswordPolicyException(PasswordPolicyException.Reason.TOO_SHORT);
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (common.contains(lower)) {
			throw new PasswordPolicyException(PasswordPolicyException.Reason.TOO_COMMON);
		}
		if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
			throw new PasswordPolicyException(PasswordPolicyException.Reason.CONTAINS_USERNAME);
		}
	}
}
