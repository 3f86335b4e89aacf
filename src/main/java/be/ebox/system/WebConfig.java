package be.ebox.system;

import java.time.Duration;
import java.util.Locale;

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

	private static Locale browserLanguage(HttpServletRequest request) {
		var ranges = Locale.LanguageRange.parse(request.getHeader("Accept-Language") == null ? "nl"
				: sanitized(request.getHeader("Accept-Language")));
		Locale match = Locale.lookup(ranges, Languages.SUPPORTED);
		return match != null ? match : Languages.DEFAULT;
	}

	private static String sanitized(String header) {
		try {
			Locale.LanguageRange.parse(header);
			return header;
		}
		catch (IllegalArgumentException ex) {
			return "nl";
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
