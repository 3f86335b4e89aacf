package be.ebox.access.internal;

import java.util.Locale;

import be.ebox.identity.EboxUser;
import be.ebox.identity.PasswordPolicyException;
import be.ebox.identity.SignIn;
import be.ebox.identity.UsernameTakenException;
import be.ebox.system.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page of an invitation link: the invited person creates a login, or signs in with the one they have and links
 * it. A used, withdrawn, expired or unknown link shows one and the same page (410), saying nothing more.
 */
@Controller
class InvitationPages {

	private static final String USERNAME_FORM = "[a-z0-9][a-z0-9._-]{2,99}";

	private final Invitations invitations;

	private final SignIn signIn;

	InvitationPages(Invitations invitations, SignIn signIn) {
		this.invitations = invitations;
		this.signIn = signIn;
	}

	@GetMapping("/invitation/{token}")
	String show(@PathVariable("token") String token, @AuthenticationPrincipal EboxUser user, Locale locale, Model model,
			HttpServletResponse response) {
		return page(token, user, locale, model, response);
	}

	private String page(String token, EboxUser user, Locale locale, Model model, HttpServletResponse response) {
		var invitation = invitations.findOpen(token);
		if (invitation.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
			return "access/invitation-invalid";
		}
		model.addAttribute("token", token);
		model.addAttribute("invitation", invitation.get());
		model.addAttribute("enterpriseName", invitations.enterpriseName(invitation.get().enterprise(), Languages.of(locale)));
		model.addAttribute("signedIn", user != null && !user.isOperator() ? user : null);
		return "access/invitation";
	}

	/** Creating a login is for someone not signed in; a signed-in person links instead. */
	@PostMapping("/invitation/{token}/create")
	String create(@PathVariable("token") String token, @RequestParam(name = "username", defaultValue = "") String username,
			@RequestParam(name = "password", defaultValue = "") String password,
			@RequestParam(name = "passwordRepeat", defaultValue = "") String passwordRepeat,
			@AuthenticationPrincipal EboxUser user, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		String name = username.strip().toLowerCase(Locale.ROOT);
		String error = null;
		if (!name.matches(USERNAME_FORM)) {
			error = "access.invitation.username.invalid";
		}
		else if (!password.equals(passwordRepeat)) {
			error = "access.invitation.password.mismatch";
		}
		else {
			try {
				var account = invitations.acceptWithNewAccount(token, name, password);
				signIn.signIn(account, request, response);
				return "redirect:/ebox?joined";
			}
			catch (UsernameTakenException ex) {
				error = "access.invitation.username.taken";
			}
			catch (PasswordPolicyException ex) {
				error = ex.messageKey();
			}
			catch (AccessRuleException ex) {
				error = ex.messageKey();
			}
		}
		model.addAttribute("error", error);
		model.addAttribute("username", name);
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		String view = page(token, user, locale, model, response);
		return view;
	}

	/** Reached through the sign-in page (it needs a signed-in person), which comes back here afterwards. */
	@GetMapping("/invitation/{token}/sign-in")
	String signInFirst(@PathVariable("token") String token) {
		return "redirect:/invitation/" + token;
	}

	@PostMapping("/invitation/{token}/link")
	String link(@PathVariable("token") String token, @AuthenticationPrincipal EboxUser user, Locale locale, Model model,
			HttpServletResponse response) {
		try {
			invitations.acceptWithExistingAccount(token, user.accountId());
			return "redirect:/ebox?joined";
		}
		catch (AccessRuleException ex) {
			model.addAttribute("error", ex.messageKey());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(token, user, locale, model, response);
		}
	}
}
