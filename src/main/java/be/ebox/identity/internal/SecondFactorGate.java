package be.ebox.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in person who still owes a second factor on the second-factor pages: every other request is sent
 * there (a page asked for is remembered and shown afterwards). Runs after Spring Security's authorization, in the
 * page chain only.
 */
class SecondFactorGate extends OncePerRequestFilter {

	private final SecondFactorStep step;

	private final RequestCache requestCache;

	SecondFactorGate(SecondFactorStep step, RequestCache requestCache) {
		this.step = step;
		this.requestCache = requestCache;
	}

	SecondFactorGate(SecondFactorStep step) {
		this(step, SecondFactorStep.requestCache());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (alwaysOpen(path)) {
			chain.doFilter(request, response);
			return;
		}
		SecondFactorStep.State state = step.state(SecurityContextHolder.getContext().getAuthentication());
		if (state == SecondFactorStep.State.DONE || path.startsWith("/second-factor")
				|| path.equals("/webauthn/authenticate/options") || path.equals("/login/webauthn")
				// a first passkey may be registered while enrolling, never while a factor is owed (that would skip it)
				|| (state == SecondFactorStep.State.ENROL && path.startsWith("/webauthn/register"))) {
			chain.doFilter(request, response);
			return;
		}
		if ("GET".equals(request.getMethod())) {
			requestCache.saveRequest(request, response);
		}
		response.sendRedirect(request.getContextPath() + SecondFactorStep.pageOf(state));
	}

	private static boolean alwaysOpen(String path) {
		return path.equals("/logout") || path.equals("/login") || path.equals("/error") || path.equals("/favicon.ico")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/");
	}
}
