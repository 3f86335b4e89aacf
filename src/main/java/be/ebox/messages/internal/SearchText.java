package be.ebox.messages.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
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

	/**
	 * The words of a query, each as a LIKE pattern matching it anywhere (with {@code \} as escape), the likely rarest
	 * first. Every word must be found, so the order changes no answer, only the cost: PostgreSQL's trigram index
	 * (V171) checks the words in this order, and each next word only at the messages the words before it left. A rare
	 * word first leaves a handful; a word of every message first makes it read the whole index of that word ("dossier
	 * d123": 6 700 index pages, 139 ms; "d123 dossier": 145 pages, 3 ms). Which word is rarer is not known here, so the
	 * guess: words with a digit (dossier numbers, references, amounts) first, then the longer ones.
	 */
	static List<String> likePatterns(String query) {
		String normalized = normalize(query);
		if (normalized.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(normalized.split(" "))
			.distinct()
			.limit(MAX_WORDS)
			.sorted(Comparator.comparing((String word) -> !word.chars().anyMatch(Character::isDigit))
				.thenComparing(Comparator.comparingInt(String::length).reversed()))
			.map(word -> "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.toList();
	}
}
