package be.ebox.system;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/** The language: chosen with {@code ?lang=xx} on any page, remembered in a cookie, else from the browser. */
@Configuration
class WebConfig implements WebMvcConfigurer {

	static final String LANGUAGE_COOKIE = Languages.COOKIE;

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		resolver.setDefaultLocaleFunction(WebConfig::browserLanguage);
		return resolver;
	}

	/**
	 * The browser's languages as few distinct headers come in: each one is parsed once (parsing and matching it was a
	 * few percent of the server time of a small API answer, on every request, API and pages alike).
	 */
	private static final Cache<String, Locale> BROWSER_LANGUAGES = Caffeine.newBuilder()
		.maximumSize(1_000)
		.executor(Runnable::run)
		.build();

	/** Longer headers are parsed every time rather than remembered. */
	private static final int REMEMBERED_HEADER_LENGTH = 200;

	private static Locale browserLanguage(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header == null) {
			return Languages.DEFAULT;
		}
		return header.length() > REMEMBERED_HEADER_LENGTH ? bestSupported(header)
				: BROWSER_LANGUAGES.get(header, WebConfig::bestSupported);
	}

	/** The supported language the header prefers; a malformed header counts as none. */
	static Locale bestSupported(String header) {
		try {
			Locale match = Locale.lookup(Locale.LanguageRange.parse(header), Languages.SUPPORTED);
			return match != null ? match : Languages.DEFAULT;
		}
		catch (IllegalArgumentException ex) {
			return Languages.DEFAULT;
		}
	}

	/** {@code ?lang=xx} on any page switches the language; unknown languages are ignored rather than failing the page. */
	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleResolver resolver = localeResolver();
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				Languages.requestedIn(request)
					.ifPresent(lang -> resolver.setLocale(request, response, Locale.forLanguageTag(lang)));
				return true;
			}
		});
	}
}
