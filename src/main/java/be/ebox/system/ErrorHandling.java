package be.ebox.system;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where request errors (bad parameters, unknown paths, wrong methods, uploads too large,
 * {@code ResponseStatusException}s ...) become responses: problem+json (RFC 9457) for API calls, the localized error
 * page for pages. Anything else that escapes a controller reaches {@link ErrorPages} as a 500.
 * <p>
 * Last in line: a module's own {@code @ControllerAdvice} (with a higher precedence) answers first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorHandling extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		// the default detail speaks of "static resources", which says more about us than the client needs
		ex.getBody().setDetail(ErrorPages.detail(status.value()));
		return super.handleNoResourceFoundException(ex, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && !ApiRequests.isApi(servlet.getRequest())) {
			HttpServletResponse response = servlet.getResponse();
			if (response != null && !response.isCommitted()) {
				try {
					// kept for the error dispatch: Spring MVC then does not parse a refused multipart body again
					servlet.getRequest().setAttribute(RequestDispatcher.ERROR_EXCEPTION, ex);
					// e.g. Allow on a 405
					headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
					// the container forwards to /error, which renders the page in the user's language
					response.sendError(statusCode.value());
					return null;
				}
				catch (IOException failed) {
					return null;
				}
			}
		}
		if (body instanceof ProblemDetail problem && problem.getDetail() == null) {
			problem.setDetail(ErrorPages.detail(statusCode.value()));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}
}
