package be.ebox.elections.internal;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a dossier number and password of the web application. No throttle, unlike the e-Box login: the passwords
 * are drawn at random with 100 bits, so guessing online is hopeless whatever the rate. An unknown dossier costs a hash
 * too, so the answer time does not tell which dossier numbers exist.
 */
@Component
class DossierAuthentication implements AuthenticationProvider {

	static final String ROLE = "ROLE_ELECTIONS_DOSSIER";

	private static final String UNKNOWN = DossierPasswords.hash("no dossier has this password");

	private final Dossiers dossiers;

	DossierAuthentication(Dossiers dossiers) {
		this.dossiers = dossiers;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String number = String.valueOf(authentication.getName()).strip();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		var dossier = number.length() <= 20 ? dossiers.find(number) : java.util.Optional.<Dossier>empty();
		String hash = dossier.map(Dossier::passwordHash).filter(h -> h != null).orElse(UNKNOWN);
		if (!DossierPasswords.matches(password, hash) || dossier.isEmpty()) {
			throw new BadCredentialsException("Wrong dossier number or password");
		}
		return UsernamePasswordAuthenticationToken.authenticated(new DossierPrincipal(dossier.get().number()), null,
				List.of(new SimpleGrantedAuthority(ROLE)));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
