package be.ebox.messages.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Text as search compares it: lower case, accents removed, runs of white space as one space. Stored normalized next to
 * each content, so that the database compares plain strings the same way on H2 and PostgreSQL (PostgreSQL's unaccent
 * extension is not available on H2, and may not be installed).
 */
final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/**
	 * The longest search text, in bytes, that PostgreSQL's index of the search holds (V210, which spells out the same
	 * bound: a btree entry holds at most about 2 700 bytes); the longer ones are compared in the table.
	 */
	static final int INDEXED_BYTES = 2000;

	/** More words than this in one query are ignored: each is one more LIKE per content row. */
	static final int MAX_WORDS = 8;

	private SearchText() {
	}

	/**
	 * What the decomposition without marks makes of each character from U+0080 to U+00FF (é → e, ª → a, ¼ → 1⁄4, a
	 * no-break space → a space, ´ → a space), worked out once by {@link #decomposed} itself.
	 */
	private static final String[] LATIN_1 = new String[0x80];

	static {
		for (char c = 0x80; c <= 0xFF; c++) {
			LATIN_1[c - 0x80] = decomposed(String.valueOf(c));
		}
	}

	/** The words of business data (names, descriptions, values in every language), for search. */
	static String wordsOf(JsonNode businessData) {
		var words = new StringBuilder();
		collectWords(businessData, words);
		return words.toString();
	}

	private static void collectWords(JsonNode node, StringBuilder words) {
		if (node.isValueNode()) {
			words.append(' ').append(node.asString());
		}
		else {
			node.values().forEach(child -> collectWords(child, words));
		}
	}

	static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String latin = withoutMarksIfLatin1(text);
		return latin == null ? reference(text) : spacesCollapsed(latin).strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The definition: NFKD, marks removed, runs of white space as one space, stripped, lower case. Two regular
	 * expressions and a decomposition over the whole text; a bulk job normalizes two texts per message, which made
	 * this a third of its workers' own CPU time, hence the path of {@link #normalize} for the Latin-1 texts that are
	 * nearly all of them.
	 */
	static String reference(String text) {
		return SPACES.matcher(decomposed(text)).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
	}

	private static String decomposed(String text) {
		return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
	}

	/**
	 * The text decomposed without marks, character by character from {@link #LATIN_1}, or null when a character is
	 * beyond U+00FF. The same as {@link #decomposed} of the whole text: no Latin-1 character decomposes into anything
	 * that reorders or composes with its neighbours once the marks are gone.
	 */
	private static String withoutMarksIfLatin1(String text) {
		StringBuilder out = null;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				if (out != null) {
					out.append(c);
				}
				continue;
			}
			if (c > 0xFF) {
				return null;
			}
			if (out == null) {
				out = new StringBuilder(length + 8).append(text, 0, i);
			}
			out.append(LATIN_1[c - 0x80]);
		}
		return out == null ? text : out.toString();
	}

	/** {@code \s+} (ASCII white space, as {@link #SPACES}) replaced by one space, without a regular expression. */
	private static String spacesCollapsed(String text) {
		StringBuilder out = null;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (isSpace(c) && (c != ' ' || i + 1 < length && isSpace(text.charAt(i + 1)))) {
				if (out == null) {
					out = new StringBuilder(length).append(text, 0, i);
				}
				out.append(' ');
				while (i + 1 < length && isSpace(text.charAt(i + 1))) {
					i++;
				}
			}
			else if (out != null) {
				out.append(c);
			}
		}
		return out == null ? text : out.toString();
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
	}

	/**
	 * The words of a query, each as a LIKE pattern matching it anywhere (with {@code \} as escape), the likely rarest
	 * first. Every word must be found, so the order changes no answer, only the cost: the database compares a content
	 * row with the words in this order and stops at the first it lacks, so a rare word first leaves most rows after one
	 * comparison. Which word is rarer is not known here, so the guess: words with a digit (dossier numbers, references,
	 * amounts) first, then the longer ones.
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
