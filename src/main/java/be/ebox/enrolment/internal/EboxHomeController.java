package be.ebox.enrolment.internal;

import java.util.List;
import java.util.Locale;

import be.ebox.access.AccessRoles;
import be.ebox.enrolment.EboxState;
import be.ebox.identity.EboxUser;
import be.ebox.registry.EnterpriseRegistry;
import be.ebox.system.Languages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The e-Box home of a signed-in person: the e-Boxes they have a role in. The inbox comes with a later issue. */
@Controller
class EboxHomeController {

	record EboxView(String enterpriseName, String enterpriseNumber, String digits, String role, String state) {
	}

	private final AccessRoles roles;

	private final EnterpriseRegistry registry;

	private final Eboxes eboxes;

	EboxHomeController(AccessRoles roles, EnterpriseRegistry registry, Eboxes eboxes) {
		this.roles = roles;
		this.registry = registry;
		this.eboxes = eboxes;
	}

	@GetMapping("/ebox")
	String home(@AuthenticationPrincipal EboxUser user, Locale locale, Model model) {
		String language = Languages.of(locale);
		List<EboxView> views = user == null ? List.of() : roles.rolesOf(user.accountId()).stream()
			.map(role -> new EboxView(
					registry.find(role.enterprise()).map(e -> e.name(language)).orElse(role.enterprise().formatted()),
					role.enterprise().formatted(), role.enterprise().digits(), role.role().name(),
					eboxes.state(role.enterprise()).map(EboxState::name).orElse("NONE")))
			.toList();
		model.addAttribute("eboxes", views);
		return "enrolment/ebox";
	}
}
