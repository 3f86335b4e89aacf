package be.ebox.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the page frame needs on every page: the current language and the links to switch it. Added to the model of a
 * page after its controller (see {@link PageModels}), never to an API answer: as a
 * {@code @ControllerAdvice(annotations = Controller.class)} with {@code @ModelAttribute} methods it also applied to
 * every {@code @RestController} (which is a {@code @Controller}), and Spring MVC created and invoked those methods at
 * every API request for a model nobody renders.
 */
@Component
class LayoutAdvice implements HandlerInterceptor, WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (PageModels.isPage(page)) {
			Locale locale = RequestContextUtils.getLocale(request);
			page.getModelMap().putIfAbsent("currentLanguage", currentLanguage(locale));
			page.getModelMap().computeIfAbsent("languageLinks", name -> languageLinks(request, locale));
		}
	}

	String currentLanguage(Locale locale) {
		return Languages.of(locale);
	}

	List<LanguageLink> languageLinks(HttpServletRequest request, Locale locale) {
		return LanguageLink.of(hrefs(request), Languages.of(locale));
	}

	private static Map<String, String> hrefs(HttpServletRequest request) {
		Map<String, String> links = new LinkedHashMap<>();
		// on an error page (an error dispatch to /error) the links lead back to the page that failed
		boolean error = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String;
		String path = error ? (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : request.getRequestURI();
		for (Locale language : Languages.SUPPORTED) {
			String code = language.getLanguage();
			// only GET pages keep their query; after a POST we link to the page itself
			var builder = UriComponentsBuilder.fromPath(path);
			if (!error && "GET".equals(request.getMethod()) && request.getQueryString() != null) {
				builder.query(request.getQueryString());
			}
			links.put(code, builder.replaceQueryParam("lang", code).build().toUriString());
		}
		return links;
	}
}
