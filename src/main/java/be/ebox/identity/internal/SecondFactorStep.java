package be.ebox.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import be.ebox.identity.EboxUser;
import be.ebox.identity.SecondFactorRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

/**
 * Where a signed-in person stands with the second factor, and the upgrade of their sign-in once they proved it.
 * <p>
 * Why not Spring Security 7's {@code @EnableMultiFactorAuthentication}: it requires the same factors of everyone,
 * while here they depend on the person (access managers must, other users may) and on what they enrolled; it knows
 * no TOTP factor; and when a passkey completes the sign-in it replaces our {@link EboxUser} principal with the
 * passkey's user entity. We use its vocabulary instead: the factors a session proved are
 * {@link FactorGrantedAuthority} authorities of the authentication.
 */
@Component
class SecondFactorStep {

	static final String TOTP = "FACTOR_TOTP";

	static final String RECOVERY_CODE = "FACTOR_RECOVERY_CODE";

	static final String WEBAUTHN = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;

	private static final Set<String> SECOND_FACTORS = Set.of(TOTP, RECOVERY_CODE, WEBAUTHN);

	enum State {
		/** nothing (more) to do */
		DONE,
		/** has a factor: must prove it */
		VERIFY,
		/** must have a factor and has none: must enrol one */
		ENROL
	}

	private final SecondFactors factors;

	private final SecondFactorProperties properties;

	private final ObjectProvider<SecondFactorRequirement> requirements;

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	SecondFactorStep(SecondFactors factors, SecondFactorProperties properties,
			ObjectProvider<SecondFactorRequirement> requirements) {
		this.factors = factors;
		this.properties = properties;
		this.requirements = requirements;
	}

	State state(Authentication authentication) {
		if (authentication == null || !(authentication.getPrincipal() instanceof EboxUser user) || proved(authentication)) {
			return State.DONE;
		}
		if (factors.hasFactor(user.accountId(), user.getUsername())) {
			return State.VERIFY;
		}
		return required(user) ? State.ENROL : State.DONE;
	}

	boolean required(EboxUser user) {
		return properties.users() == SecondFactorProperties.Users.REQUIRED
				|| requirements.orderedStream().anyMatch(requirement -> requirement.requiresSecondFactor(user.accountId()));
	}

	static boolean proved(Authentication authentication) {
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(SECOND_FACTORS::contains);
	}

	/**
	 * Where the page asked for before the second step is kept (Spring Security's session attribute). Without the
	 * {@code ?continue} marker Spring adds by default: the person returns to the address they asked for.
	 */
	static RequestCache requestCache() {
		var cache = new HttpSessionRequestCache();
		cache.setMatchingRequestParameterName(null);
		return cache;
	}

	static String pageOf(State state) {
		return state == State.ENROL ? "/second-factor/enrol" : "/second-factor";
	}

	/** The same sign-in with one more factor; the principal stays the {@link EboxUser}. */
	static Authentication withFactor(Authentication current, String factor) {
		List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(factor));
		return UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(), null, authorities);
	}

	/** Stores the upgraded sign-in, under a new session id (a change of privilege). */
	void complete(String factor, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		request.changeSessionId();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(withFactor(current, factor));
		SecurityContextHolder.setContext(context);
		repository.saveContext(context, request, response);
	}
}
