package be.ebox.system;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * {@code /error}, where the container sends every failed request (replaces Spring Boot's error controller): the
 * localized error page, or problem+json for API calls. Never an exception message or a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request) {
		HttpStatus status = statusOf(request);
		if (ApiRequests.isApi(request)) {
			var view = new JacksonJsonView();
			view.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			view.setExtractValueFromSingleKeyModel(true);
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", status.getReasonPhrase());
			problem.put("status", status.value());
			problem.put("detail", detail(status.value()));
			if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
				problem.put("instance", path);
			}
			var answer = new ModelAndView(view, "problem", problem);
			answer.setStatus(status);
			return answer;
		}
		return new ModelAndView("error", Map.of("status", status.value()), status);
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return status;
	}

	/** A plain-English detail for problem+json; pages use the translated texts of the common bundle instead. */
	static String detail(int status) {
		return switch (status) {
			case 400 -> "The request is not valid: check its parameters and body.";
			case 401 -> "Authentication is required.";
			case 403 -> "You may not do this.";
			case 404 -> "Nothing exists at this address.";
			case 405 -> "This method is not allowed here.";
			case 406 -> "No acceptable representation is available.";
			case 413 -> "The request or one of its files is too large.";
			case 415 -> "This content type is not supported here.";
			default -> status >= 500 ? "The request could not be handled. Please try again later."
					: "The request could not be handled.";
		};
	}
}
