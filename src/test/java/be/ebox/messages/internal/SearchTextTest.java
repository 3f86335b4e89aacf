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
}
