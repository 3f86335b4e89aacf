package be.ebox.system;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RememberingMessageSourceTest {

	@Test
	void answersEveryCodeOfEveryBundleAsSpringsOwnSourceDoes() throws IOException {
		var basenames = new TreeSet<String>();
		var codes = new TreeSet<String>();
		for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath:messages/*.properties")) {
			basenames.add("messages/" + bundle.getFilename().replaceFirst("(_[a-z]{2})?\\.properties$", ""));
			var properties = new Properties();
			try (var reader = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			codes.addAll(properties.stringPropertyNames());
		}
		assertThat(basenames).hasSizeGreaterThan(10);
		var plain = configure(new ResourceBundleMessageSource(), basenames);
		var remembering = configure(new RememberingMessageSource(), basenames);
		Object[] arguments = { "A", 2, "C", "D" };
		for (String language : new String[] { "nl", "fr", "de", "en" }) {
			Locale locale = Locale.forLanguageTag(language);
			for (int round = 0; round < 2; round++) { // the second round answers from memory
				for (String code : codes) {
					assertThat(remembering.getMessage(code, null, locale)).as(code + " " + language)
						.isEqualTo(plain.getMessage(code, null, locale));
					assertThat(outcome(remembering, code, arguments, locale)).as(code + " " + language + " with arguments")
						.isEqualTo(outcome(plain, code, arguments, locale));
				}
			}
		}
	}

	@Test
	void anUnknownCodeStaysUnknownAndABundleAddedLaterIsSeen() {
		var source = configure(new RememberingMessageSource(), new TreeSet<>(java.util.List.of("messages/common")));
		assertThatThrownBy(() -> source.getMessage("elections.app.calendar.done", null, Locale.ENGLISH))
			.isInstanceOf(NoSuchMessageException.class);
		source.addBasenames("messages/elections");
		assertThat(source.getMessage("elections.app.calendar.done", null, Locale.ENGLISH)).isNotBlank();
	}

	@Test
	void languagesMadeUpByClientsDoNotFillTheMemory() {
		var source = configure(new RememberingMessageSource(), new TreeSet<>(java.util.List.of("messages/common")));
		for (int i = 0; i < RememberingMessageSource.MAX_REMEMBERED + 500; i++) {
			assertThat(source.getMessage("no.such.code", null, "fallback", new Locale("x" + i))).isEqualTo("fallback");
		}
		assertThat(source.getMessage("no.such.code", null, "still answered", new Locale("zz"))).isEqualTo("still answered");
	}

	/** The text, or the kind of failure where an argument does not fit the format (a number where a date goes). */
	private static String outcome(ResourceBundleMessageSource source, String code, Object[] arguments, Locale locale) {
		try {
			return source.getMessage(code, arguments, locale);
		}
		catch (IllegalArgumentException wrongType) {
			return wrongType.getClass().getName();
		}
	}

	private static <S extends ResourceBundleMessageSource> S configure(S source, TreeSet<String> basenames) {
		source.setBasenames(basenames.toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}
}
