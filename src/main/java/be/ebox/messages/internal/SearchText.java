package be.ebox.messages.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as search compares it: lower case, accents removed, runs of white space as one space. Stored normalized next to
 * each content, so that the database compares plain strings the same way on H2 and PostgreSQL (PostgreSQL's unaccent
 * extension is not available on H2, and may not be installed).
 */
final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/** More words than this in one query are ignored: each is one more LIKE per content row. */
	static final int MAX_WORDS = 8;

	private SearchText() {
	}

	static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
		return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
	}

	/** The words of a query, each as a LIKE pattern matching it anywhere (with {@code \} as escape). */
	static List<String> likePatterns(String query) {
		String normalized = normalize(query);
		if (normalized.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(normalized.split(" "))
			.distinct()
			.limit(MAX_WORDS)
			.map(word -> "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.toList();
	}
}
