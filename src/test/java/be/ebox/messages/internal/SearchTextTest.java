package be.ebox.messages.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

	@Test
	void wordsAreNormalizedEscapedAndTheLikelyRarestComeFirst() {
		assertThat(SearchText.likePatterns("Dossier D123")).containsExactly("%d123%", "%dossier%");
		assertThat(SearchText.likePatterns("de Verkiezingen  ÉLECTIONS de")).containsExactly("%verkiezingen%",
				"%elections%", "%de%");
		assertThat(SearchText.likePatterns("100% a_b")).containsExactly("%100\\%%", "%a\\_b%");
		assertThat(SearchText.likePatterns("  ")).isEmpty();
	}

	@Test
	void normalizesAsTheDefinitionDoesForAnyText() {
		assertThat(SearchText.normalize("  Cher Onderneming 7,\tvotre  RÉFÉRENCE\u00a0est ½ ")).isEqualTo(
				"cher onderneming 7, votre reference est 1\u20442");
		// ASCII, its white space and controls, all of Latin-1, and beyond: combining marks, Greek, Turkish ı, Hangul,
		// ligatures, surrogate pairs and lone surrogates
		String alphabet = "aZ9 ,.-\t\n\u000b\f\r\u001c\u001f\u0000\u007f\u0300\u0301\u0327\u03a3\u0131\u0130\uac00"
				+ "\ufb01\u2160\u00a0\u2007\u3000\ud83d\ude00\ud800";
		var random = new java.util.Random(42);
		for (int n = 0; n < 20_000; n++) {
			var text = new StringBuilder();
			int length = random.nextInt(12);
			boolean latin1 = random.nextBoolean();
			for (int i = 0; i < length; i++) {
				text.append(latin1 || random.nextBoolean() ? (char) random.nextInt(0x100)
						: alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertThat(SearchText.normalize(text.toString())).as("normalize(%s)", text)
				.isEqualTo(SearchText.reference(text.toString()));
		}
	}
}
