package be.ebox.identity.internal;

import be.ebox.identity.AccountId;
import be.ebox.identity.Accounts;
import be.ebox.identity.EboxUser;
import be.ebox.identity.SignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;

@Service
class SessionSignIn implements SignIn {

	private final Accounts accounts;

	private final UserDetailsService users;

	private final LanguagePreference languagePreference;

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	SessionSignIn(Accounts accounts, UserDetailsService users, LanguagePreference languagePreference) {
		this.accounts = accounts;
		this.users = users;
		this.languagePreference = languagePreference;
	}

	@Override
	public void signIn(AccountId accountId, HttpServletRequest request, HttpServletResponse response) {
		var account = accounts.find(accountId).orElseThrow();
		UserDetails user = users.loadUserByUsername(account.username());
		if (!user.isEnabled()) {
			throw new IllegalStateException("Account is not active");
		}
		// a new session id at every change of privilege (session fixation)
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		if (user instanceof EboxUser person) {
			// the session (stored in the database) never holds the password hash
			person.eraseCredentials();
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		repository.saveContext(context, request, response);
		if (user instanceof EboxUser person) {
			languagePreference.onSignIn(person, request, response);
		}
	}
}
