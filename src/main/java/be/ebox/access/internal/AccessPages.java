package be.ebox.access.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import be.ebox.access.ReadingRights;
import be.ebox.access.Role;
import be.ebox.identity.AccountId;
import be.ebox.identity.EboxUser;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.EnterpriseRegistry;
import be.ebox.senders.MessageType;
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

/**
 * The access management pages of one enterprise, for its access managers: members with roles and grants,
 * invitations, who can read what with the designated contacts, and the access history. Every action is checked by
 * {@link AccessManagement} (a stranger gets 404, a refused rule comes back as a localized message).
 */
@Controller
@RequestMapping("/ebox/access/{enterprise}")
class AccessPages {

	/** One row of "who can read what": a message type and who reads it. */
	record TypeReaders(MessageType type, boolean everyone, List<String> people, String contact) {
	}

	private final AccessManagement management;

	private final Invitations invitations;

	private final ReadingRights rights;

	private final EnterpriseRegistry registry;

	AccessPages(AccessManagement management, Invitations invitations, ReadingRights rights, EnterpriseRegistry registry) {
		this.management = management;
		this.invitations = invitations;
		this.rights = rights;
		this.registry = registry;
	}

	static EnterpriseNumber enterprise(String digits) {
		if (!EnterpriseNumber.isValid(digits)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return EnterpriseNumber.parse(digits);
	}

	static AccountId account(String id) {
		try {
			return new AccountId(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	/** Common to every page: the enterprise and the actor's role in it (which also checks they manage access). */
	@ModelAttribute
	void frame(@PathVariable("enterprise") String digits, @AuthenticationPrincipal EboxUser user, Locale locale, Model model) {
		if (user == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		EnterpriseNumber enterprise = enterprise(digits);
		Role role = management.requireManager(Actor.of(user), enterprise);
		model.addAttribute("enterpriseDigits", enterprise.digits());
		model.addAttribute("enterpriseNumber", enterprise.formatted());
		model.addAttribute("enterpriseName",
				registry.find(enterprise).map(e -> e.name(Languages.of(locale))).orElse(enterprise.formatted()));
		model.addAttribute("myRole", role.name());
		model.addAttribute("isMain", role == Role.MAIN_ACCESS_MANAGER);
		model.addAttribute("me", user.accountId());
	}

	@GetMapping
	String members(@PathVariable("enterprise") String digits, @AuthenticationPrincipal EboxUser user, Locale locale,
			Model model) {
		EnterpriseNumber enterprise = enterprise(digits);
		model.addAttribute("members", management.members(Actor.of(user), enterprise));
		model.addAttribute("invitations", invitations.open(Actor.of(user), enterprise));
		model.addAttribute("typeNames", typeNames(locale));
		model.addAttribute("pageLanguage", Languages.of(locale));
		return "access/members";
	}

	@PostMapping("/invitations")
	String invite(@PathVariable("enterprise") String digits, @AuthenticationPrincipal EboxUser user,
			@RequestParam(name = "email", defaultValue = "") String email,
			@RequestParam(name = "name", defaultValue = "") String name,
			@RequestParam(name = "language", defaultValue = "nl") String language, RedirectAttributes redirect) {
		String back = "redirect:/ebox/access/" + digits;
		try {
			invitations.invite(Actor.of(user), enterprise(digits), email, name, language);
			redirect.addFlashAttribute("done", "access.invitation.sent");
		}
		catch (AccessRuleException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
			redirect.addFlashAttribute("inviteEmail", email);
			redirect.addFlashAttribute("inviteName", name);
		}
		return back;
	}

	@PostMapping("/invitations/{id}/withdraw")
	String withdraw(@PathVariable("enterprise") String digits, @PathVariable("id") String id,
			@AuthenticationPrincipal EboxUser user, RedirectAttributes redirect) {
		UUID invitation;
		try {
			invitation = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		invitations.withdraw(Actor.of(user), enterprise(digits), invitation);
		redirect.addFlashAttribute("done", "access.invitation.withdrawn");
		return "redirect:/ebox/access/" + digits;
	}

	@GetMapping("/members/{account}")
	String member(@PathVariable("enterprise") String digits, @PathVariable("account") String account,
			@AuthenticationPrincipal EboxUser user, Locale locale, Model model) {
		EnterpriseNumber enterprise = enterprise(digits);
		model.addAttribute("member", management.member(Actor.of(user), enterprise, account(account)));
		model.addAttribute("protectedTypes", management.messageTypes().stream().filter(MessageType::isProtected).toList());
		model.addAttribute("typeNames", typeNames(locale));
		return "access/member";
	}

	/** The role and activation actions of the member page, all POST with CSRF. */
	@PostMapping("/members/{account}/{action:deactivate|reactivate|remove|appoint|dismiss|hand-over}")
	String memberAction(@PathVariable("enterprise") String digits, @PathVariable("account") String account,
			@PathVariable("action") String action, @AuthenticationPrincipal EboxUser user, RedirectAttributes redirect) {
		EnterpriseNumber enterprise = enterprise(digits);
		AccountId target = account(account);
		Actor actor = Actor.of(user);
		try {
			switch (action) {
				case "deactivate" -> management.deactivate(actor, enterprise, target);
				case "reactivate" -> management.reactivate(actor, enterprise, target);
				case "remove" -> management.remove(actor, enterprise, target);
				case "appoint" -> management.appoint(actor, enterprise, target);
				case "dismiss" -> management.dismiss(actor, enterprise, target);
				default -> management.handOver(actor, enterprise, target);
			}
			redirect.addFlashAttribute("done", "access.done." + action);
		}
		catch (AccessRuleException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
			return "redirect:/ebox/access/" + digits + "/members/" + target;
		}
		// after a removal the member page is gone; after a hand-over the old main may still manage (as access manager)
		return "remove".equals(action) ? "redirect:/ebox/access/" + digits
				: "redirect:/ebox/access/" + digits + "/members/" + target;
	}

	@PostMapping("/members/{account}/grants")
	String grant(@PathVariable("enterprise") String digits, @PathVariable("account") String account,
			@RequestParam(name = "type", defaultValue = "") String type,
			@RequestParam(name = "until", defaultValue = "") String until, @AuthenticationPrincipal EboxUser user,
			RedirectAttributes redirect) {
		EnterpriseNumber enterprise = enterprise(digits);
		AccountId target = account(account);
		try {
			if (!MessageTypeId.isValid(type)) {
				throw new AccessRuleException("access.refused.unknownType");
			}
			management.grant(Actor.of(user), enterprise, target, new MessageTypeId(type), date(until));
			redirect.addFlashAttribute("done", "access.done.grant");
		}
		catch (AccessRuleException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/ebox/access/" + digits + "/members/" + target;
	}

	@PostMapping("/members/{account}/grants/{type}/revoke")
	String revoke(@PathVariable("enterprise") String digits, @PathVariable("account") String account,
			@PathVariable("type") String type, @AuthenticationPrincipal EboxUser user, RedirectAttributes redirect) {
		EnterpriseNumber enterprise = enterprise(digits);
		AccountId target = account(account);
		if (!MessageTypeId.isValid(type)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		management.revoke(Actor.of(user), enterprise, target, new MessageTypeId(type));
		redirect.addFlashAttribute("done", "access.done.revoke");
		return "redirect:/ebox/access/" + digits + "/members/" + target;
	}

	/** Who can read what: per message type, the people who read it right now (the reading rights themselves). */
	@GetMapping("/readers")
	String readers(@PathVariable("enterprise") String digits, @AuthenticationPrincipal EboxUser user, Locale locale,
			Model model) {
		EnterpriseNumber enterprise = enterprise(digits);
		Actor actor = Actor.of(user);
		List<Member> members = management.members(actor, enterprise);
		Map<AccountId, String> names = new LinkedHashMap<>();
		members.forEach(m -> names.put(m.account(), m.displayName() + " (" + m.username() + ")"));
		List<TypeReaders> rows = new ArrayList<>();
		for (MessageType type : management.messageTypes()) {
			List<String> people = new ArrayList<>();
			for (Member m : members) {
				boolean reads = m.active() && rights.ofPerson(m.account(), enterprise)
					.map(r -> r.mayRead(type.id(), type.isProtected()))
					.orElse(false);
				if (reads) {
					people.add(names.get(m.account()));
				}
			}
			String contact = management.designated(actor, enterprise, type.id()).map(names::get).orElse(null);
			rows.add(new TypeReaders(type, !type.isProtected(), people, contact));
		}
		rows.sort(Comparator.comparing((TypeReaders r) -> !r.type().isProtected()).thenComparing(r -> r.type().id().value()));
		model.addAttribute("rows", rows);
		model.addAttribute("members", members.stream().filter(Member::active).toList());
		model.addAttribute("typeNames", typeNames(locale));
		return "access/readers";
	}

	@PostMapping("/contacts")
	String designate(@PathVariable("enterprise") String digits, @RequestParam(name = "type", defaultValue = "") String type,
			@RequestParam(name = "account", defaultValue = "") String account, @AuthenticationPrincipal EboxUser user,
			RedirectAttributes redirect) {
		try {
			if (!MessageTypeId.isValid(type)) {
				throw new AccessRuleException("access.refused.unknownType");
			}
			management.designate(Actor.of(user), enterprise(digits), new MessageTypeId(type),
					account.isBlank() ? null : account(account));
			redirect.addFlashAttribute("done", "access.done.contact");
		}
		catch (AccessRuleException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/ebox/access/" + digits + "/readers";
	}

	@GetMapping("/history")
	String history(@PathVariable("enterprise") String digits, @AuthenticationPrincipal EboxUser user, Model model) {
		model.addAttribute("records", management.history(Actor.of(user), enterprise(digits)));
		return "access/history";
	}

	Map<String, String> typeNames(Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		management.messageTypes().forEach(t -> names.put(t.id().value(), t.name().in(locale)));
		return names;
	}

	static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new AccessRuleException("access.refused.date");
		}
	}
}
