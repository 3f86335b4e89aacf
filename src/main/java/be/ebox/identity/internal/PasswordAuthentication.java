package be.ebox.identity.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import be.ebox.identity.EboxUser;
import be.ebox.identity.SignInThrottle;
import be.ebox.identity.TemporarilyLockedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The login form's check of username and password, throttled per account name and client address.
 * <p>
 * Every attempt costs one password-hash comparison — an unknown username, an account without a password, a
 * deactivated account and a locked-out attempt are compared against a dummy hash — and every refusal is the
 * same {@link BadCredentialsException}, so neither the response nor (roughly) its timing tells whether a
 * username exists or is locked out.
 */
@Component
class PasswordAuthentication implements AuthenticationProvider {

	/** Longer names cannot exist (column size): no need to look them up. */
	private static final int LONGEST_USERNAME = 100;

	private final AccountUserDetailsService users;

	private final JdbcAccounts accounts;

	private final PasswordEncoder encoder;

	private final SignInThrottle throttle;

	private final String dummyHash;

	private final SecondFactorStep secondFactor;

	PasswordAuthentication(AccountUserDetailsService users, JdbcAccounts accounts, PasswordEncoder encoder,
			SignInThrottle throttle, SecondFactorStep secondFactor) {
		this.users = users;
		this.secondFactor = secondFactor;
		this.accounts = accounts;
		this.encoder = encoder;
		this.throttle = throttle;
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		this.dummyHash = encoder.encode(Base64.getEncoder().encodeToString(random));
	}

	@Override
	public Authentication authenticate(Authentication attempt) throws AuthenticationException {
		String username = attempt.getName() == null ? "" : attempt.getName();
		String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
		String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
		try {
			throttle.checkAllowed(username, address);
		}
		catch (TemporarilyLockedException locked) {
			// the same lookup and hash work as any other attempt, and the same answer: a lockout is not told apart
			find(username);
			encoder.matches(password, dummyHash);
			throw new BadCredentialsException("Bad credentials");
		}
		EboxUser user = find(username);
		boolean hasPassword = user != null && user.getPassword() != null;
		boolean matches = encoder.matches(password, hasPassword ? user.getPassword() : dummyHash);
		if (!hasPassword || !matches || !user.isEnabled()) {
			throttle.recordFailure(username, address);
			throw new BadCredentialsException("Bad credentials");
		}
		if (encoder.upgradeEncoding(user.getPassword())) {
			accounts.rehash(user.accountId(), password);
		}
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
		// with a second factor owed, the failures counted so far stay until it is proved: else a stolen password
		// would allow endless guesses at the code, a few between each sign-in
		if (secondFactor.state(authentication) == SecondFactorStep.State.DONE) {
			throttle.recordSuccess(username, address);
		}
		return authentication;
	}

	private EboxUser find(String username) {
		if (username.isBlank() || username.length() > LONGEST_USERNAME) {
			return null;
		}
		try {
			return (EboxUser) users.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException ex) {
			return null;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
