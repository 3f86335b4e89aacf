package be.ebox.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import be.ebox.identity.EboxUser;
import be.ebox.identity.SignInThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second step of signing in: prove a factor ({@code /second-factor}) or, when one is required and missing,
 * enrol an authenticator app or a passkey ({@code /second-factor/enrol}); then the recovery codes, shown once. A
 * wrong code counts as a failed sign-in for the lockout, like a wrong password.
 */
@Controller
class SecondFactorPages {

	private final SecondFactors factors;

	private final SecondFactorStep step;

	private final SecondFactorProperties properties;

	private final SignInThrottle throttle;

	/** the page asked for before the second step, else the start page */
	private final AfterSecondStep after = new AfterSecondStep();

	SecondFactorPages(SecondFactors factors, SecondFactorStep step, SecondFactorProperties properties,
			SignInThrottle throttle) {
		this.factors = factors;
		this.step = step;
		this.properties = properties;
		this.throttle = throttle;
	}

	@GetMapping("/second-factor")
	String verifyPage(@AuthenticationPrincipal EboxUser user, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return switch (step.state(authentication())) {
			case DONE -> "redirect:" + after.target(request, response);
			case ENROL -> "redirect:/second-factor/enrol";
			case VERIFY -> {
				model.addAttribute("status", factors.status(user.accountId(), user.getUsername()));
				yield "identity/second-factor";
			}
		};
	}

	@PostMapping("/second-factor")
	String verify(@AuthenticationPrincipal EboxUser user, @RequestParam(name = "code", defaultValue = "") String code,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		if (step.state(authentication()) != SecondFactorStep.State.VERIFY) {
			return "redirect:/second-factor";
		}
		throttle.checkAllowed(user.getUsername(), request.getRemoteAddr());
		SecondFactors.Verified verified = code.isBlank() ? SecondFactors.Verified.REFUSED
				: factors.verify(user.accountId(), user.getUsername(), code);
		if (verified == SecondFactors.Verified.REFUSED) {
			throttle.recordFailure(user.getUsername(), request.getRemoteAddr());
			model.addAttribute("status", factors.status(user.accountId(), user.getUsername()));
			model.addAttribute("refused", true);
			return "identity/second-factor";
		}
		throttle.recordSuccess(user.getUsername(), request.getRemoteAddr());
		step.complete(verified == SecondFactors.Verified.TOTP ? SecondFactorStep.TOTP : SecondFactorStep.RECOVERY_CODE,
				request, response);
		return "redirect:" + after.target(request, response);
	}

	@GetMapping("/second-factor/enrol")
	String enrolPage(@AuthenticationPrincipal EboxUser user, Model model) {
		SecondFactorStep.State state = step.state(authentication());
		if (state == SecondFactorStep.State.VERIFY) {
			return "redirect:/second-factor";
		}
		if (factors.status(user.accountId(), user.getUsername()).totp()) {
			return "redirect:/account/second-factor";
		}
		return enrolForm(user, state, model);
	}

	@PostMapping("/second-factor/enrol")
	String enrol(@AuthenticationPrincipal EboxUser user, @RequestParam(name = "code", defaultValue = "") String code,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		SecondFactorStep.State state = step.state(authentication());
		if (state == SecondFactorStep.State.VERIFY) {
			return "redirect:/second-factor";
		}
		throttle.checkAllowed(user.getUsername(), request.getRemoteAddr());
		var codes = factors.confirm(user.accountId(), user.getUsername(), code);
		if (codes.isEmpty()) {
			throttle.recordFailure(user.getUsername(), request.getRemoteAddr());
			model.addAttribute("refused", true);
			return enrolForm(user, state, model);
		}
		if (!SecondFactorStep.proved(authentication())) {
			// the first code from the app proves the person holds it: this sign-in has its second factor (else the
			// next request would ask for it again)
			step.complete(SecondFactorStep.TOTP, request, response);
		}
		redirect.addFlashAttribute("recoveryCodes", codes.get());
		return "redirect:/second-factor/recovery-codes";
	}

	/** The codes just made, once: a reload shows them no more. */
	@GetMapping("/second-factor/recovery-codes")
	String recoveryCodes(Model model, @AuthenticationPrincipal EboxUser user, HttpServletRequest request,
			HttpServletResponse response) {
		if (!model.containsAttribute("recoveryCodes")) {
			return "redirect:/account/second-factor";
		}
		model.addAttribute("next", after.target(request, response));
		return "identity/recovery-codes";
	}

	private String enrolForm(EboxUser user, SecondFactorStep.State state, Model model) {
		String secret = factors.pendingSecret(user.accountId());
		String svg = QrCode.svg(Totp.uri(properties.issuer(), user.getUsername(), secret));
		model.addAttribute("qrCode", "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)));
		model.addAttribute("secret", grouped(secret));
		model.addAttribute("required", state == SecondFactorStep.State.ENROL);
		return "identity/second-factor-enrol";
	}

	/** Groups of four are easier to type into an app by hand. */
	static String grouped(String secret) {
		return String.join(" ", List.of(secret.split("(?<=\\G.{4})")));
	}

	private static Authentication authentication() {
		return SecurityContextHolder.getContext().getAuthentication();
	}
}
