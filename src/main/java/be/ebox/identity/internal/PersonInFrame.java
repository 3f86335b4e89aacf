package be.ebox.identity.internal;

import be.ebox.identity.EboxUser;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import be.ebox.system.PageFrameAttributes;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;

/**
 * Who the page frame shows as signed in ({@code viewer} in the layout), worked out once per page in Java and added to pages only ({@link PageFrameAttributes}). The layout
 * asked Spring Security's Thymeleaf dialect ({@code sec:authorize}) instead, which parses its access expression anew
 * at every use: three times per page, about a tenth of the server time of a small page. Same answers: Spring
 * Security's {@code isAnonymous()}, {@code isAuthenticated()} and {@code hasRole('OPERATOR')}.
 */
@Component
class PersonInFrame extends PageFrameAttributes {

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	/**
	 * @param anonymous not signed in (Spring Security's anonymous sign-in)
	 * @param signedIn signed in, with or without a second factor still to give
	 * @param operator has the operator role
	 * @param person the signed-in e-Box person (the principal), else null
	 */
	public record Viewer(boolean anonymous, boolean signedIn, boolean operator, EboxUser person) {
	}

	@Override
	protected void addTo(ModelMap model, HttpServletRequest request) {
		model.computeIfAbsent("viewer", name -> now());
	}

	/** For a page an exception handler renders (its model does not get the attribute). */
	static Viewer now() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return new Viewer(false, false, false, null);
		}
		boolean operator = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch("ROLE_OPERATOR"::equals);
		return new Viewer(TRUST.isAnonymous(authentication), TRUST.isAuthenticated(authentication), operator,
				authentication.getPrincipal() instanceof EboxUser user ? user : null);
	}
}
