package be.ebox.system;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The page language a browser's Accept-Language header chooses, now parsed once per distinct header. */
class BrowserLanguageTest {

	@Test
	void theFirstSupportedLanguageOfTheHeaderWins() {
		assertThat(WebConfig.bestSupported("fr-BE,fr;q=0.9,en;q=0.8")).isEqualTo(Locale.forLanguageTag("fr"));
		assertThat(WebConfig.bestSupported("es-ES,de;q=0.5")).isEqualTo(Locale.forLanguageTag("de"));
		assertThat(WebConfig.bestSupported("en-GB")).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void anUnsupportedOrMalformedHeaderGivesDutch() {
		assertThat(WebConfig.bestSupported("es-ES,it;q=0.5")).isEqualTo(Languages.DEFAULT);
		assertThat(WebConfig.bestSupported("fr;q=2;;,,=")).isEqualTo(Languages.DEFAULT);
		assertThat(WebConfig.bestSupported("")).isEqualTo(Languages.DEFAULT);
	}
}
