package be.ebox.system;

import java.util.List;
import java.util.Locale;

/** The four languages of the product. */
public final class Languages {

	public static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("nl"), Locale.forLanguageTag("fr"), Locale.forLanguageTag("de"), Locale.ENGLISH);

	public static final Locale DEFAULT = Locale.forLanguageTag("nl");

	/** The cookie that remembers a language chosen with {@code ?lang=}; absent while nobody chose one on this browser. */
	public static final String COOKIE = "ebox-lang";

	private Languages() {
	}

	public static boolean isSupported(String code) {
		return code != null && SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(code));
	}

	/**
	 * The supported language asked for with {@code ?lang=}, if any. Of a request with a body only the query string is
	 * read: asking the container for a parameter would parse a form or multipart body, which fails for an upload
	 * that is too large before the error page can say so.
	 */
	public static java.util.Optional<String> requestedIn(jakarta.servlet.http.HttpServletRequest request) {
		String lang;
		if (request.getContentType() == null) {
			lang = request.getParameter("lang");
		}
		else {
			String query = request.getQueryString();
			lang = query == null ? null : org.springframework.web.util.UriComponentsBuilder.newInstance().query(query)
				.build().getQueryParams().getFirst("lang");
		}
		return isSupported(lang) ? java.util.Optional.of(lang) : java.util.Optional.empty();
	}

	/** The supported language of a locale, else the default. */
	public static String of(Locale locale) {
		return locale != null && isSupported(locale.getLanguage()) ? locale.getLanguage() : DEFAULT.getLanguage();
	}
}
