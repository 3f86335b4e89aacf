package be.ebox.console.internal;

import java.util.Locale;

import be.ebox.console.SenderStaff;
import be.ebox.identity.AccountId;
import be.ebox.identity.Accounts;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.ReferenceData;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Operator pages: which person accounts work in the sender console for which organisation (SecurityConfig keeps
 * {@code /operator/**} to the operator). */
@Controller
@RequestMapping("/operator/staff")
class StaffPages {

	private final SenderStaff staff;

	private final Accounts accounts;

	private final ReferenceData referenceData;

	StaffPages(SenderStaff staff, Accounts accounts, ReferenceData referenceData) {
		this.staff = staff;
		this.accounts = accounts;
		this.referenceData = referenceData;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("members", staff.members());
		model.addAttribute("organisations", referenceData.organisations());
		return "console/operator-staff";
	}

	@PostMapping
	String assign(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String organisation,
			Authentication operator, Model model) {
		var account = accounts.findByUsername(username.strip().toLowerCase(Locale.ROOT));
		String error = null;
		if (account.isEmpty()) {
			error = "console.staff.error.unknownAccount";
		}
		else if (account.get().operator()) {
			error = "console.staff.error.operator";
		}
		else if (!EnterpriseNumber.isValid(organisation)
				|| referenceData.organisation(EnterpriseNumber.parse(organisation)).isEmpty()) {
			error = "console.staff.error.organisation";
		}
		if (error != null) {
			model.addAttribute("error", error);
			model.addAttribute("username", username);
			model.addAttribute("selectedOrganisation", organisation);
			return list(model);
		}
		staff.assign(account.get().id(), EnterpriseNumber.parse(organisation), operator.getName());
		return "redirect:/operator/staff?assigned";
	}

	@PostMapping("/remove")
	String remove(@RequestParam String account, Authentication operator) {
		try {
			staff.remove(new AccountId(java.util.UUID.fromString(account)), operator.getName());
		}
		catch (IllegalArgumentException ex) {
			// a malformed id removes nothing
		}
		return "redirect:/operator/staff?removed";
	}
}
