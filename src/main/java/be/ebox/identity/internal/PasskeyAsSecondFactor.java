package be.ebox.identity.internal;

import be.ebox.identity.EboxUser;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * What {@code POST /login/webauthn} checks here: Spring Security verifies the passkey's signature; it counts only
 * as the second factor of the person already signed in with their password, and their sign-in (with its
 * {@link EboxUser}) is kept, with the WebAuthn factor added.
 */
class PasskeyAsSecondFactor implements AuthenticationManager {

	private final WebAuthnAuthenticationProvider passkeys;

	PasskeyAsSecondFactor(WebAuthnRelyingPartyOperations relyingParty, UserDetailsService users) {
		this.passkeys = new WebAuthnAuthenticationProvider(relyingParty, users);
	}

	@Override
	public Authentication authenticate(Authentication request) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current == null || !(current.getPrincipal() instanceof EboxUser user)) {
			throw new BadCredentialsException("Sign in with your password first");
		}
		Authentication passkey = passkeys.authenticate(request);
		if (passkey == null || !user.getUsername().equals(passkey.getName())) {
			throw new BadCredentialsException("Passkey of another person");
		}
		return SecondFactorStep.withFactor(current, SecondFactorStep.WEBAUTHN);
	}
}
