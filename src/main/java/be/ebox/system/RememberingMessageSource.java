package be.ebox.system;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Spring's resource bundle message source that remembers where each code led, per language. A page asks for dozens
 * of texts and each went through the thirteen module bundles in turn until one had it: a tenth of the time spent
 * rendering a page (bench/inbox, flight recording). Spring itself caches the bundles and their formats but not which
 * bundle holds a code; its bundles are never reloaded here (no cache duration), so what is remembered never goes
 * stale. Bounded: the language comes from a cookie anyone can set, and a full memory only stops remembering.
 */
class RememberingMessageSource extends ResourceBundleMessageSource {

	static final int MAX_REMEMBERED = 20_000;

	private record Key(String code, Locale locale) {
	}

	private final ConcurrentMap<Key, Optional<String>> texts = new ConcurrentHashMap<>();

	private final ConcurrentMap<Key, Optional<MessageFormat>> formats = new ConcurrentHashMap<>();

	@Override
	protected String resolveCodeWithoutArguments(String code, Locale locale) {
		var key = new Key(code, locale);
		Optional<String> known = texts.get(key);
		if (known != null) {
			return known.orElse(null);
		}
		String text = super.resolveCodeWithoutArguments(code, locale);
		if (texts.size() < MAX_REMEMBERED) {
			texts.putIfAbsent(key, Optional.ofNullable(text));
		}
		return text;
	}

	/** The formats are Spring's own cached instances, which its callers already synchronize on while formatting. */
	@Override
	protected MessageFormat resolveCode(String code, Locale locale) {
		var key = new Key(code, locale);
		Optional<MessageFormat> known = formats.get(key);
		if (known != null) {
			return known.orElse(null);
		}
		MessageFormat format = super.resolveCode(code, locale);
		if (formats.size() < MAX_REMEMBERED) {
			formats.putIfAbsent(key, Optional.ofNullable(format));
		}
		return format;
	}

	/** A bundle added after start (a module's own, see ElectionsMessageBundle) may hold codes resolved before. */
	@Override
	public void addBasenames(String... basenames) {
		super.addBasenames(basenames);
		texts.clear();
		formats.clear();
	}

	@Override
	public void setBasenames(String... basenames) {
		super.setBasenames(basenames);
		texts.clear();
		formats.clear();
	}
}
