package be.ebox.access.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import be.ebox.identity.EboxUser;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.IssuedClient;
import be.ebox.senders.MessageTypeId;
import be.ebox.system.Languages;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Mandates (given and received) and software clients of one enterprise, for its access managers. */
@Controller
@RequestMapping("/ebox/access/{enterprise}")
class MandatePages {

	record MandateView(Mandate mandate, String clientName, String providerName, boolean active) {
	}

	private final Mandates mandates;

	private final SoftwareClients clients;

	private final AccessManagement management;

	private final AccessPages pages;

	private final java.time.Clock clock;

	MandatePages(Mandates mandates, SoftwareClients clients, AccessManagement management, AccessPages pages,
			java.time.Clock clock) {
		this.mandates = mandates;
		this.clients = clients;
		this.management = management;
		this.pages = pages;
		this.clock = clock;
	}

	@ModelAttribute
	void frame(@PathVariable("enterprise") String digits, @AuthenticationPrincipal EboxUser user, Locale locale, Model model) {
		pages.frame(digits, user, locale, model);
	}

	@GetMapping("/mandates")
	String mandates(@PathVariable("enterprise") String digits, @AuthenticationPrincipal EboxUser user, Locale locale,
			Model model) {
		EnterpriseNumber enterprise = AccessPages.enterprise(digits);
		Actor actor = Actor.of(user);
		String language = Languages.of(locale);
		var now = clock.instant();
		model.addAttribute("given", mandates.given(actor, enterprise).stream()
			.map(m -> new MandateView(m, null, mandates.name(m.provider(), language), m.activeAt(now))).toList());
		model.addAttribute("received", mandates.received(actor, enterprise).stream()
			.map(m -> new MandateView(m, mandates.name(m.client(), language), null, m.activeAt(now))).toList());
		model.addAttribute("users", management.members(actor, enterprise).stream()
			.filter(m -> m.active() && !m.role().managesAccess()).toList());
		model.addAttribute("types", management.messageTypes());
		model.addAttribute("typeNames", pages.typeNames(locale));
		return "access/mandates";
	}

	@PostMapping("/mandates")
	String create(@PathVariable("enterprise") String digits, @RequestParam(name = "provider", defaultValue = "") String provider,
			@RequestParam(name = "types", required = false) List<String> types,
			@RequestParam(name = "from", defaultValue = "") String from,
			@RequestParam(name = "until", defaultValue = "") String until, @AuthenticationPrincipal EboxUser user,
			RedirectAttributes redirect) {
		try {
			if (!EnterpriseNumber.isValid(provider.strip())) {
				throw new AccessRuleException("access.mandate.unknownProvider");
			}
			mandates.create(Actor.of(user), AccessPages.enterprise(digits), EnterpriseNumber.parse(provider.strip()),
					typeIds(types), AccessPages.date(from), AccessPages.date(until));
			redirect.addFlashAttribute("done", "access.done.mandate");
		}
		catch (AccessRuleException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/ebox/access/" + digits + "/mandates";
	}

	@PostMapping("/mandates/{id}/revoke")
	String revoke(@PathVariable("enterprise") String digits, @PathVariable("id") String id,
			@AuthenticationPrincipal EboxUser user, RedirectAttributes redirect) {
		mandates.revoke(Actor.of(user), AccessPages.enterprise(digits), uuid(id));
		redirect.addFlashAttribute("done", "access.done.mandateRevoked");
		return "redirect:/ebox/access/" + digits + "/mandates";
	}

	@PostMapping("/mandates/{id}/assignees")
	String assign(@PathVariable("enterprise") String digits, @PathVariable("id") String id,
			@RequestParam(name = "account", defaultValue = "") String account,
			@RequestParam(name = "assigned", defaultValue = "true") boolean assigned,
			@AuthenticationPrincipal EboxUser user, RedirectAttributes redirect) {
		try {
			mandates.assign(Actor.of(user), AccessPages.enterprise(digits), uuid(id), AccessPages.account(account), assigned);
			redirect.addFlashAttribute("done", assigned ? "access.done.assigned" : "access.done.unassigned");
		}
		catch (AccessRuleException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/ebox/access/" + digits + "/mandates";
	}

	@GetMapping("/clients")
	String clients(@PathVariable("enterprise") String digits, @AuthenticationPrincipal EboxUser user, Locale locale,
			Model model) {
		model.addAttribute("clients", clients.of(Actor.of(user), AccessPages.enterprise(digits)));
		model.addAttribute("types", management.messageTypes());
		model.addAttribute("typeNames", pages.typeNames(locale));
		return "access/clients";
	}

	/** Creates a client and shows its secret on this answer only (no redirect, nothing kept in the session). */
	@PostMapping("/clients")
	String createClient(@PathVariable("enterprise") String digits, @RequestParam(name = "name", defaultValue = "") String name,
			@RequestParam(name = "types", required = false) List<String> types, @AuthenticationPrincipal EboxUser user,
			Locale locale, Model model, jakarta.servlet.http.HttpServletResponse response) {
		try {
			IssuedClient issued = clients.create(Actor.of(user), AccessPages.enterprise(digits), name, typeIds(types));
			model.addAttribute("issued", issued);
			response.setHeader("Cache-Control", "no-store");
		}
		catch (AccessRuleException ex) {
			model.addAttribute("error", ex.messageKey());
			model.addAttribute("clientName", name);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return clients(digits, user, locale, model);
	}

	@PostMapping("/clients/{clientId}/revoke")
	String revokeClient(@PathVariable("enterprise") String digits, @PathVariable("clientId") String clientId,
			@AuthenticationPrincipal EboxUser user, RedirectAttributes redirect) {
		clients.revoke(Actor.of(user), AccessPages.enterprise(digits), clientId);
		redirect.addFlashAttribute("done", "access.done.clientRevoked");
		return "redirect:/ebox/access/" + digits + "/clients";
	}

	static Set<MessageTypeId> typeIds(List<String> types) {
		Set<MessageTypeId> ids = new LinkedHashSet<>();
		for (String type : types == null ? List.<String>of() : types) {
			if (!MessageTypeId.isValid(type)) {
				throw new AccessRuleException("access.refused.unknownType");
			}
			ids.add(new MessageTypeId(type));
		}
		return ids;
	}

	static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}
}
