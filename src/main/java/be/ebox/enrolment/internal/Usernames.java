package be.ebox.enrolment.internal;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Usernames for main access managers: the lower-case letters of the representative's name (accents removed, at most
 * ten) followed by random digits, e.g. {@code mariedupon4821}. Easy to read out on the phone; not a secret.
 */
final class Usernames {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Usernames() {
	}

	static String candidate(String name, int attempt) {
		// a few more digits after a few collisions, so that a common name never runs out of room
		int digits = attempt < 5 ? 4 : 6;
		int lowest = (int) Math.pow(10, digits - 1);
		return base(name) + (lowest + RANDOM.nextInt(9 * lowest));
	}

	static String base(String name) {
		String letters = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z]", "");
		if (letters.length() < 2) {
			return "ebox";
		}
		return letters.substring(0, Math.min(10, letters.length()));
	}
}
