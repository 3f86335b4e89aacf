package be.ebox.identity.internal;

import java.util.Locale;

import be.ebox.identity.Accounts;
import be.ebox.identity.EboxUser;
import be.ebox.system.Languages;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * Keeps a signed-in person's language on their account, so that e-mails and letters use it too.
 * <ul>
 * <li>choosing a language on a page ({@code ?lang=xx}) while signed in stores it on the account;</li>
 * <li>at sign-in, a language chosen earlier on this browser (the language cookie, e.g. on the login page) is
 * stored on the account; without such a choice, the account's language becomes the page language.</li>
 * </ul>
 * The cookie itself is written by the system module's locale resolver, for anonymous pages as well.
 */
@Component
class LanguagePreference implements HandlerInterceptor {

	private final Accounts accounts;

	private final LocaleResolver localeResolver;

	LanguagePreference(Accounts accounts, LocaleResolver localeResolver) {
		this.accounts = accounts;
		this.localeResolver = localeResolver;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof EboxUser user) {
			Languages.requestedIn(request).ifPresent(chosen -> accounts.changeLanguage(user.accountId(), chosen));
		}
		return true;
	}

	void onSignIn(EboxUser user, HttpServletRequest request, HttpServletResponse response) {
		Cookie cookie = WebUtils.getCookie(request, Languages.COOKIE);
		if (cookie != null && Languages.isSupported(cookie.getValue())) {
			accounts.changeLanguage(user.accountId(), cookie.getValue());
			return;
		}
		accounts.find(user.accountId())
			.map(account -> account.language())
			.filter(Languages::isSupported)
			.ifPresent(language -> localeResolver.setLocale(request, response, Locale.forLanguageTag(language)));
	}
}
