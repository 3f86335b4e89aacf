package be.ebox.system;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's texts (the {@code spring.messages.basename} bundles and those a module adds), each text resolved
 * once per language and code and then remembered. Spring's {@link ResourceBundleMessageSource} walks the dozen bundles
 * in order for every lookup, asking each (and its parent, the default language) whether it holds the code: about 40
 * lookups per page, a twelfth of the server time of the inbox page. The answer is the same each time, as the bundles
 * are read once and kept ({@code spring.messages.cache-duration} unset): the first one found, the pattern or its
 * {@link MessageFormat}, which Spring itself already shares between threads (it formats under the format's lock).
 * Absent codes are remembered as absent too. Bounded: a locale from a cookie can be anything. With a
 * {@code spring.messages.cache-duration} (bundles read again from time to time) {@link MessagesConfig} uses Spring's
 * source as it is.
 */
class RememberedMessages extends ResourceBundleMessageSource {

	/** Texts times languages of the bundles with room to spare; beyond it the least used are looked up again. */
	static final int MAXIMUM = 50_000;

	private record Key(String code, Locale locale) {
	}

	private final Cache<Key, Optional<String>> texts = cache();

	private final Cache<Key, Optional<MessageFormat>> formats = cache();

	private static <V> Cache<Key, V> cache() {
		return Caffeine.newBuilder().maximumSize(MAXIMUM).executor(Runnable::run).build();
	}

	@Override
	protected String resolveCodeWithoutArguments(String code, Locale locale) {
		return texts.get(new Key(code, locale), key -> Optional.ofNullable(super.resolveCodeWithoutArguments(code, locale)))
			.orElse(null);
	}

	@Override
	protected MessageFormat resolveCode(String code, Locale locale) {
		return formats.get(new Key(code, locale), key -> Optional.ofNullable(super.resolveCode(code, locale)))
			.orElse(null);
	}

	/** A module adds its bundle at start-up (before any lookup); anything remembered before is forgotten. */
	@Override
	public void addBasenames(String... basenames) {
		super.addBasenames(basenames);
		forget();
	}

	@Override
	public void setBasenames(String... basenames) {
		super.setBasenames(basenames);
		forget();
	}

	private void forget() {
		texts.invalidateAll();
		formats.invalidateAll();
	}
}
