package be.ebox.identity.internal;

import be.ebox.identity.EboxUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * Where a person goes once the second step is done, whichever factor they used: the page they asked for, else their
 * start page ({@code /operator} or {@code /ebox}). As a {@link RequestCache}, so that Spring's JSON answer to a passkey
 * ({@code redirectUrl}) says the same as our pages instead of {@code /}.
 */
class AfterSecondStep implements RequestCache {

	private final RequestCache saved = SecondFactorStep.requestCache();

	/** The address to go to; forgets the page asked for. */
	String target(HttpServletRequest request, HttpServletResponse response) {
		String url = getRequest(request, response).getRedirectUrl();
		removeRequest(request, response);
		return url;
	}

	@Override
	public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest asked = saved.getRequest(request, response);
		if (asked != null) {
			return asked;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean operator = authentication != null && authentication.getPrincipal() instanceof EboxUser user && user.isOperator();
		return new SimpleSavedRequest(request.getContextPath() + (operator ? "/operator" : "/ebox"));
	}

	@Override
	public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
		saved.saveRequest(request, response);
	}

	@Override
	public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
		return saved.getMatchingRequest(request, response);
	}

	@Override
	public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
		saved.removeRequest(request, response);
	}
}
