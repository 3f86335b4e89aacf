package be.ebox.enrolment.internal;

import java.util.Locale;

import be.ebox.enrolment.Enrolment;
import be.ebox.identity.EboxUser;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.EnterpriseRegistry;
import be.ebox.registry.InvalidEnterpriseNumberException;
import be.ebox.system.Languages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Operator list of registrations, with "issue a new letter" for those not yet active. */
@Controller
class RegistrationsController {

	record RegistrationView(String digits, String enterpriseNumber, String name, String representativeName,
			String state, String registeredAt, String activatedAt, boolean canReissue) {
	}

	private final Eboxes eboxes;

	private final EnterpriseRegistry registry;

	private final Enrolment enrolment;

	RegistrationsController(Eboxes eboxes, EnterpriseRegistry registry, Enrolment enrolment) {
		this.eboxes = eboxes;
		this.registry = registry;
		this.enrolment = enrolment;
	}

	@GetMapping("/operator/enrolment/registrations")
	String list(@RequestParam(defaultValue = "1") int page, Locale locale, Model model) {
		int current = Math.max(1, page);
		String language = Languages.of(locale);
		int size = PostalOutboxController.PAGE_SIZE;
		model.addAttribute("registrations", eboxes.page((current - 1) * size, size).stream()
			.map(e -> new RegistrationView(e.enterprise().digits(), e.enterprise().formatted(),
					registry.find(e.enterprise()).map(x -> x.name(language)).orElse(""), e.representativeName(),
					e.state().name(), PostalOutboxController.format(e.registeredAt()),
					PostalOutboxController.format(e.activatedAt()), e.state() == be.ebox.enrolment.EboxState.REGISTERED))
			.toList());
		model.addAttribute("page", current);
		model.addAttribute("hasNext", eboxes.count() > (long) current * size);
		return "enrolment/operator/registrations";
	}

	@PostMapping("/operator/enrolment/registrations/{number}/letters")
	String reissue(@PathVariable String number, @AuthenticationPrincipal EboxUser operator, RedirectAttributes redirect) {
		try {
			enrolment.issueNewLetter(EnterpriseNumber.parse(number), operator.getUsername());
			redirect.addFlashAttribute("notice", "registrations.reissued");
			redirect.addFlashAttribute("noticeNumber", EnterpriseNumber.parse(number).formatted());
		}
		catch (IllegalStateException | InvalidEnterpriseNumberException ex) {
			redirect.addFlashAttribute("notice", "registrations.reissueRefused");
			redirect.addFlashAttribute("noticeNumber", number);
		}
		return "redirect:/operator/enrolment/registrations";
	}
}
