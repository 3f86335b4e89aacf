package be.ebox.enrolment.internal;

import be.ebox.enrolment.ActivationRefusedException;
import be.ebox.enrolment.Enrolment;
import be.ebox.enrolment.TermsOfUse;
import be.ebox.enrolment.VerifiedActivation;
import be.ebox.identity.PasswordPolicyException;
import be.ebox.identity.SignIn;
import be.ebox.identity.TemporarilyLockedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Activation in two steps: prove the code, then choose a password and accept the terms. Between the steps the
 * proven code lives in the session (server side), never in the page.
 */
@Controller
class ActivationController {

	static final String VERIFIED = "enrolment.verifiedActivation";

	private final Enrolment enrolment;

	private final SignIn signIn;

	ActivationController(Enrolment enrolment, SignIn signIn) {
		this.enrolment = enrolment;
		this.signIn = signIn;
	}

	@GetMapping("/activate")
	String form() {
		return "enrolment/activate";
	}

	@PostMapping("/activate")
	String verify(@RequestParam(defaultValue = "") String username,
			@RequestParam(defaultValue = "") String activationCode, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		model.addAttribute("username", username);
		try {
			VerifiedActivation verified = enrolment.verifyActivationCode(username, activationCode, request.getRemoteAddr());
			// a new session id now that the session holds something worth stealing
			request.getSession(true);
			request.changeSessionId();
			request.getSession().setAttribute(VERIFIED, verified);
			return "redirect:/activate/password";
		}
		catch (ActivationRefusedException ex) {
			model.addAttribute("error", ex.messageKey());
		}
		catch (TemporarilyLockedException ex) {
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf(Math.max(1, ex.retryAfter().toSeconds())));
			model.addAttribute("error", "activation.locked");
			model.addAttribute("retryMinutes", Math.max(1, (ex.retryAfter().toSeconds() + 59) / 60));
		}
		return "enrolment/activate";
	}

	@GetMapping("/activate/password")
	String passwordForm(HttpSession session, Model model) {
		if (!(session.getAttribute(VERIFIED) instanceof VerifiedActivation verified)) {
			return "redirect:/activate";
		}
		model.addAttribute("username", verified.username());
		model.addAttribute("termsVersion", TermsOfUse.CURRENT_VERSION);
		return "enrolment/activate-password";
	}

	@PostMapping("/activate/password")
	String complete(@RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String passwordRepeat,
			@RequestParam(defaultValue = "false") boolean acceptTerms, @RequestParam(defaultValue = "") String termsVersion,
			HttpSession session, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!(session.getAttribute(VERIFIED) instanceof VerifiedActivation verified)) {
			return "redirect:/activate";
		}
		model.addAttribute("username", verified.username());
		model.addAttribute("termsVersion", TermsOfUse.CURRENT_VERSION);
		if (!password.equals(passwordRepeat)) {
			model.addAttribute("passwordError", "activation.password.mismatch");
		}
		if (!acceptTerms || !TermsOfUse.CURRENT_VERSION.equals(termsVersion)) {
			model.addAttribute("termsError", "activation.terms.required");
		}
		if (model.containsAttribute("passwordError") || model.containsAttribute("termsError")) {
			return "enrolment/activate-password";
		}
		try {
			enrolment.completeActivation(verified, password, termsVersion);
		}
		catch (PasswordPolicyException ex) {
			model.addAttribute("passwordError", ex.messageKey());
			return "enrolment/activate-password";
		}
		catch (ActivationRefusedException ex) {
			session.removeAttribute(VERIFIED);
			model.addAttribute("error", ex.messageKey());
			return "enrolment/activate";
		}
		session.removeAttribute(VERIFIED);
		signIn.signIn(verified.account(), request, response);
		return "redirect:/ebox";
	}

	@GetMapping("/terms")
	String terms(Model model) {
		model.addAttribute("termsVersion", TermsOfUse.CURRENT_VERSION);
		return "enrolment/terms";
	}
}
