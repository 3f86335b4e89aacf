package be.ebox.system;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

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

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var change = new LocaleChangeInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
					Object handler) throws jakarta.servlet.ServletException {
				// unknown languages are ignored rather than failing the page
				String lang = request.getParameter(getParamName());
				return !Languages.isSupported(lang) || super.preHandle(request, response, handler);
			}
		};
		change.setParamName("lang");
		registry.addInterceptor(change);
	}
}
