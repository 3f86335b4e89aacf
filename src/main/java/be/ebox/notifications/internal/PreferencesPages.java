package be.ebox.notifications.internal;

import java.util.Locale;
import java.util.Map;

import be.ebox.identity.EboxUser;
import be.ebox.registry.EnterpriseNumber;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The preferences page of a signed-in person, the general address of an e-Box, and the verification links. */
@Controller
class PreferencesPages {

	private final NotificationSettings settings;

	PreferencesPages(NotificationSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/notifications")
	String preferences(@AuthenticationPrincipal EboxUser user, Locale locale, Model model) {
		model.addAttribute("view", settings.view(user.accountId(), locale));
		return "notifications/preferences";
	}

	@PostMapping("/notifications")
	String save(@AuthenticationPrincipal EboxUser user, @RequestParam(required = false) String address,
			@RequestParam(required = false) String language, @RequestParam Map<String, String> form, Locale locale,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			boolean sent = settings.save(user.accountId(), address, language, form, locale);
			redirect.addFlashAttribute("notice", sent ? "notifications.saved.checkSent" : "notifications.saved");
			redirect.addFlashAttribute("sentTo", address);
			return "redirect:/notifications";
		}
		catch (SettingsRefused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("view", settings.view(user.accountId(), locale));
			model.addAttribute("errorField", ex.field);
			model.addAttribute("errorCode", ex.code);
			model.addAttribute("typedAddress", address);
			return "notifications/preferences";
		}
	}

	@GetMapping("/notifications/ebox/{digits}")
	String eboxAddress(@AuthenticationPrincipal EboxUser user, @PathVariable String digits, Model model) {
		EnterpriseNumber ebox = ebox(digits);
		var address = settings.eboxAddress(user.accountId(), ebox).orElseThrow(PreferencesPages::notFound);
		model.addAttribute("ebox", ebox);
		model.addAttribute("current", address.orElse(null));
		return "notifications/ebox-address";
	}

	@PostMapping("/notifications/ebox/{digits}")
	String requestEboxAddress(@AuthenticationPrincipal EboxUser user, @PathVariable String digits,
			@RequestParam(required = false) String address, @RequestParam(required = false) String language,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		EnterpriseNumber ebox = ebox(digits);
		try {
			if (!settings.requestEboxAddress(user.accountId(), ebox, address, language)) {
				throw notFound();
			}
			redirect.addFlashAttribute("notice", "notifications.saved.checkSent");
			redirect.addFlashAttribute("sentTo", address);
			return "redirect:/notifications/ebox/" + ebox.digits();
		}
		catch (SettingsRefused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("ebox", ebox);
			model.addAttribute("current", settings.eboxAddress(user.accountId(), ebox).orElseThrow().orElse(null));
			model.addAttribute("errorField", ex.field);
			model.addAttribute("errorCode", ex.code);
			model.addAttribute("typedAddress", address);
			return "notifications/ebox-address";
		}
	}

	@PostMapping("/notifications/ebox/{digits}/remove")
	String removeEboxAddress(@AuthenticationPrincipal EboxUser user, @PathVariable String digits,
			RedirectAttributes redirect) {
		EnterpriseNumber ebox = ebox(digits);
		if (!settings.removeEboxAddress(user.accountId(), ebox)) {
			throw notFound();
		}
		redirect.addFlashAttribute("notice", "notifications.ebox.removed");
		return "redirect:/notifications/ebox/" + ebox.digits();
	}

	@GetMapping("/notifications/confirm/{token}")
	String confirm(@AuthenticationPrincipal EboxUser user, @PathVariable String token, Model model,
			HttpServletResponse response) {
		var confirmed = settings.confirm(user.accountId(), token);
		if (confirmed.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		model.addAttribute("confirmed", confirmed.orElse(null));
		return "notifications/confirmed";
	}

	private static EnterpriseNumber ebox(String digits) {
		if (!EnterpriseNumber.isValid(digits)) {
			throw notFound();
		}
		return EnterpriseNumber.parse(digits);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
