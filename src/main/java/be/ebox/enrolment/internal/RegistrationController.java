package be.ebox.enrolment.internal;

import java.util.Locale;

import be.ebox.enrolment.Enrolment;
import be.ebox.enrolment.RegistrationRefusedException;
import be.ebox.enrolment.RegistrationRequest;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.system.Languages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public registration form. The success page tells where the letter goes, never the username or code. */
@Controller
class RegistrationController {

	private final Enrolment enrolment;

	RegistrationController(Enrolment enrolment) {
		this.enrolment = enrolment;
	}

	@GetMapping("/register")
	String form(Model model, Locale locale) {
		var form = new RegistrationForm();
		form.setLetterLanguage(Languages.of(locale));
		model.addAttribute("form", form);
		return "enrolment/register";
	}

	@PostMapping("/register")
	String register(@ModelAttribute("form") RegistrationForm form, RedirectAttributes redirect) {
		EnterpriseNumber number = form.validate();
		if (form.hasErrors()) {
			return "enrolment/register";
		}
		try {
			var receipt = enrolment.register(new RegistrationRequest(number, form.getRepresentativeName(),
					form.getEmail(), form.getLetterLanguage()));
			String language = receipt.letterLanguage();
			redirect.addFlashAttribute("enterpriseName", receipt.enterpriseName());
			redirect.addFlashAttribute("enterpriseNumber", receipt.enterprise().formatted());
			redirect.addFlashAttribute("streetLine", receipt.registeredOffice().streetLine(language));
			redirect.addFlashAttribute("municipalityLine", receipt.registeredOffice().municipalityLine(language));
			return "redirect:/register/done";
		}
		catch (RegistrationRefusedException ex) {
			form.reject("enterpriseNumber", ex.messageKey());
			return "enrolment/register";
		}
	}

	@GetMapping("/register/done")
	String done(Model model) {
		if (!model.containsAttribute("enterpriseNumber")) {
			return "redirect:/register";
		}
		return "enrolment/registered";
	}
}
