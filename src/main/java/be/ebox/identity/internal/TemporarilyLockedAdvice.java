package be.ebox.identity.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import be.ebox.identity.TemporarilyLockedException;
import be.ebox.system.LanguageLink;
import be.ebox.system.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Too many failed attempts anywhere (e.g. activation codes): HTTP 429 with {@code Retry-After}, as a page
 * in the person's language, or as problem+json from an API.
 */
final class TemporarilyLockedAdvice {

	private TemporarilyLockedAdvice() {
	}

	static long retryAfterSeconds(TemporarilyLockedException locked) {
		Duration retryAfter = locked.retryAfter() == null || locked.retryAfter().isNegative() ? Duration.ZERO : locked.retryAfter();
		return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
	}

	@ControllerAdvice(annotations = RestController.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class Api {

		@ExceptionHandler(TemporarilyLockedException.class)
		ResponseEntity<ProblemDetail> locked(TemporarilyLockedException locked) {
			var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
					"Too many failed attempts; try again later.");
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(locked)))
				.body(problem);
		}
	}

	@ControllerAdvice(annotations = Controller.class)
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	static class Pages {

		@ExceptionHandler(TemporarilyLockedException.class)
		ModelAndView locked(TemporarilyLockedException locked, HttpServletRequest request, HttpServletResponse response,
				Locale locale) {
			long seconds = retryAfterSeconds(locked);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			var page = new ModelAndView("identity/locked");
			page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
			page.addObject("minutes", (seconds + 59) / 60);
			// an exception handler gets an empty model: the page frame's own attributes are added here
			page.addObject("currentLanguage", Languages.of(locale));
			page.addObject("languageLinks", LanguageLink.of(languageLinks(request), Languages.of(locale)));
			page.addObject("viewer", PersonInFrame.now());
			return page;
		}

		private static Map<String, String> languageLinks(HttpServletRequest request) {
			Map<String, String> links = new LinkedHashMap<>();
			for (Locale language : Languages.SUPPORTED) {
				var link = UriComponentsBuilder.fromPath(request.getRequestURI());
				if ("GET".equals(request.getMethod()) && request.getQueryString() != null) {
					link.query(request.getQueryString());
				}
				links.put(language.getLanguage(), link.replaceQueryParam("lang", language.getLanguage()).build().toUriString());
			}
			return links;
		}
	}
}
