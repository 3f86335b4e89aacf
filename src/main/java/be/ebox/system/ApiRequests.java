package be.ebox.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** Tells API calls (answered with problem+json) from page requests (answered with the error page). */
final class ApiRequests {

	private ApiRequests() {
	}

	static boolean isApi(HttpServletRequest request) {
		// during an error dispatch the path of the failed request is kept in an attribute
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = failed instanceof String path ? path : request.getRequestURI();
		String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
		return path.equals("/api") || path.startsWith("/api/") || path.equals("/REST") || path.startsWith("/REST/")
				|| acceptsJsonRatherThanHtml(request.getHeader("Accept"));
	}

	private static boolean acceptsJsonRatherThanHtml(String accept) {
		// browsers always ask for text/html when they open a page; scripts and API clients ask for JSON
		return accept != null && accept.contains("json") && !accept.contains("text/html");
	}
}
