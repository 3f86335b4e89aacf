package be.ebox.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The message source that remembers what it resolved answers exactly as Spring's own, every time. */
class RememberedMessagesTest {

	private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("nl"), Locale.forLanguageTag("fr"),
			Locale.forLanguageTag("de"), Locale.ENGLISH, Locale.forLanguageTag("es"));

	@Test
	void everyTextOfEveryBundleIsTheOneSpringResolves() throws IOException {
		String[] basenames = basenames();
		var remembered = configure(new RememberedMessages(), basenames);
		var spring = configure(new ResourceBundleMessageSource(), basenames);
		List<String> codes = codes();
		assertThat(codes).hasSizeGreaterThan(500);
		Object[] arguments = { 3, 12_345, 1 }; // numbers: some patterns format them as such
		for (int round = 0; round < 2; round++) { // the second round answers from memory
			for (Locale language : LANGUAGES) {
				for (String code : codes) {
					assertThat(remembered.getMessage(code, null, language)).as(code + " " + language)
						.isEqualTo(spring.getMessage(code, null, language));
					assertThat(answer(() -> remembered.getMessage(code, arguments, language)))
						.as(code + " with values, " + language)
						.isEqualTo(answer(() -> spring.getMessage(code, arguments, language)));
				}
			}
		}
	}

	@Test
	void anUnknownCodeStaysUnknown() throws IOException {
		var remembered = configure(new RememberedMessages(), basenames());
		for (int round = 0; round < 2; round++) {
			assertThatThrownBy(() -> remembered.getMessage("no.such.code", null, Locale.ENGLISH))
				.isInstanceOf(NoSuchMessageException.class);
			assertThat(remembered.getMessage("no.such.code", new Object[] { 1 }, "fallback {0}", Locale.ENGLISH))
				.isEqualTo("fallback 1");
		}
	}

	@Test
	void aBundleAddedLaterIsRead() {
		var remembered = configure(new RememberedMessages(), new String[] { "messages/common" });
		String code = "elections.body.WORKS_COUNCIL";
		assertThat(remembered.getMessage(code, null, "absent", Locale.ENGLISH)).isEqualTo("absent");
		remembered.addBasenames("messages/elections");
		assertThat(remembered.getMessage(code, null, "absent", Locale.ENGLISH)).isEqualTo("Works council");
	}

	/** The text, or the refusal (a text that is not a MessageFormat pattern cannot take values). */
	private static String answer(java.util.function.Supplier<String> lookup) {
		try {
			return lookup.get();
		}
		catch (IllegalArgumentException ex) {
			return ex.toString();
		}
	}

	private static <T extends ResourceBundleMessageSource> T configure(T source, String[] basenames) {
		source.setBasenames(basenames);
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	/** Every bundle under messages/, by its base name. */
	private static String[] basenames() throws IOException {
		var names = new ArrayList<String>();
		for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath:messages/*.properties")) {
			String name = resource.getFilename();
			if (!name.contains("_")) {
				names.add("messages/" + name.substring(0, name.length() - ".properties".length()));
			}
		}
		return names.stream().sorted().toArray(String[]::new);
	}

	private static List<String> codes() throws IOException {
		var codes = new ArrayList<String>();
		for (String basename : basenames()) {
			Properties properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource(basename + ".properties"));
			properties.stringPropertyNames().forEach(codes::add);
		}
		return codes;
	}
}
