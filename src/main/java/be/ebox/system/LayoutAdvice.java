package be.ebox.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/** What the page frame needs on every page: the current language and the links to switch it. */
@Component
class LayoutAdvice extends PageFrameAttributes {

	@Override
	protected void addTo(ModelMap model, HttpServletRequest request) {
		Locale locale = RequestContextUtils.getLocale(request);
		model.putIfAbsent("currentLanguage", currentLanguage(locale));
		model.computeIfAbsent("languageLinks", name -> languageLinks(request, locale));
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
