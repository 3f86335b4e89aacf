package be.ebox.audit.internal;

import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.audit.AuditVerification;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.InvalidEnterpriseNumberException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's view of the audit trail: recent records, filters, and verification of the chain. */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	/** Operators work in Belgium; records are stored in UTC. */
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Europe/Brussels"));

	private final AuditRecords records;

	private final AuditTrail trail;

	AuditController(AuditRecords records, AuditTrail trail) {
		this.records = records;
		this.trail = trail;
	}

	@GetMapping("/operator/audit")
	String records(@RequestParam(defaultValue = "") String enterprise, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "1") int page, Model model) {
		String actionFilter = action.strip();
		model.addAttribute("enterprise", enterprise.strip());
		model.addAttribute("action", actionFilter);
		model.addAttribute("time", TIME);
		EnterpriseNumber number = null;
		if (!enterprise.isBlank()) {
			try {
				number = EnterpriseNumber.parse(enterprise);
			}
			catch (InvalidEnterpriseNumberException ex) {
				model.addAttribute("enterpriseInvalid", true);
				return "audit/records";
			}
		}
		long total = records.count(number, actionFilter);
		int lastPage = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 1), lastPage);
		model.addAttribute("records", records.find(number, actionFilter, (current - 1) * PAGE_SIZE, PAGE_SIZE));
		model.addAttribute("total", total);
		model.addAttribute("page", current);
		model.addAttribute("lastPage", lastPage);
		return "audit/records";
	}

	@PostMapping("/operator/audit/verify")
	String verify(Principal operator, RedirectAttributes redirect) {
		AuditVerification verification = trail.verify();
		trail.record(AuditEvent.of(operator.getName(), "AUDIT_VERIFIED", null,
				verification.isIntact() ? "intact (" + verification.records() + " records)"
						: "broken at record " + verification.firstBrokenRecord()));
		// plain values: flash attributes live in the (JDBC-stored, serialised) session
		redirect.addFlashAttribute("verifiedRecords", verification.records());
		redirect.addFlashAttribute("brokenAt", verification.firstBrokenRecord());
		redirect.addFlashAttribute("verified", true);
		return "redirect:/operator/audit";
	}
}
