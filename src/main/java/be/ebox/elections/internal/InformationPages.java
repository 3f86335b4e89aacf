package be.ebox.elections.internal;

import java.util.List;
import java.util.Locale;

import be.ebox.access.AccessRoles;
import be.ebox.access.EnterpriseRole;
import be.ebox.identity.EboxUser;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.EnterpriseRegistry;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public information page (no login) and, for a signed-in person, whether the enterprises they have a role in
 * are in the social elections database (only those: the database is not searchable by anyone for anyone).
 */
@Controller
class InformationPages {

	static final List<String> TOPICS = List.of("what", "why", "who", "rights", "contact");

	private final AccessRoles roles;

	private final EnterpriseRegistry registry;

	private final Dossiers dossiers;

	InformationPages(AccessRoles roles, EnterpriseRegistry registry, Dossiers dossiers) {
		this.roles = roles;
		this.registry = registry;
		this.dossiers = dossiers;
	}

	record LookupRow(EnterpriseNumber number, String name, int bodies) {
	}

	@GetMapping("/elections/info")
	String information(Model model) {
		model.addAttribute("topics", TOPICS);
		return "elections/info";
	}

	@GetMapping("/elections/lookup")
	String lookup(Authentication authentication, Locale locale, Model model) {
		List<LookupRow> rows = List.of();
		if (authentication != null && authentication.getPrincipal() instanceof EboxUser user) {
			rows = roles.rolesOf(user.accountId())
				.stream()
				.map(EnterpriseRole::enterprise)
				.distinct()
				.map(number -> new LookupRow(number,
						registry.find(number).map(e -> e.name(locale.getLanguage())).orElse(number.formatted()),
						dossiers.ofEnterprise(number).size()))
				.toList();
		}
		model.addAttribute("rows", rows);
		return "elections/lookup";
	}
}
