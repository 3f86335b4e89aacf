package be.ebox.senders.internal;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.senders.IssuedClient;
import be.ebox.senders.SenderApplication;
import be.ebox.senders.SenderApplicationId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/** Operator pages: sender applications and their OAuth2 clients (a new secret is shown once, on the answer page). */
@Controller
@RequestMapping("/operator/senders/applications")
class ApplicationPages {

	private final JdbcReferenceData referenceData;

	private final JdbcMachineClients clients;

	private final AuditTrail audit;

	ApplicationPages(JdbcReferenceData referenceData, JdbcMachineClients clients, AuditTrail audit) {
		this.referenceData = referenceData;
		this.clients = clients;
		this.audit = audit;
	}

	@ModelAttribute("organisations")
	Object organisations() {
		return referenceData.organisations();
	}

	@GetMapping("/new")
	String create(Model model) {
		model.addAttribute("form", new ApplicationForm());
		return "senders/application";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable String id, Model model) {
		var application = find(id);
		model.addAttribute("form", ApplicationForm.of(application));
		return show(application, model);
	}

	@PostMapping
	String save(@ModelAttribute("form") ApplicationForm form, BindingResult errors, Model model, Authentication user) {
		form.validate(errors, referenceData);
		if (!errors.hasFieldErrors("id")) {
			var existing = referenceData.findApplication(new SenderApplicationId(form.getId().strip()));
			if (existing.isPresent() != form.isExisting()) {
				errors.rejectValue("id", form.isExisting() ? "senders.error.unknown" : "senders.error.exists");
			}
			if (existing.isPresent() && errors.hasErrors()) {
				return show(existing.get(), model);
			}
		}
		if (errors.hasErrors()) {
			return "senders/application";
		}
		SenderApplication application = form.toApplication();
		referenceData.save(application);
		audit.record(AuditEvent.of(user.getName(), "SENDER_APPLICATION_SAVED", application.organisation(),
				application.id().value()));
		return "redirect:/operator/senders/applications/" + application.id().value() + "?saved";
	}

	/** Answers with the page itself (no redirect), so the secret is never in a URL, a flash attribute or a session. */
	@PostMapping("/{id}/clients")
	String createClient(@PathVariable String id, Model model, Authentication user) {
		var application = find(id);
		IssuedClient issued = clients.createForApplication(application.id(), user.getName());
		model.addAttribute("issued", issued);
		model.addAttribute("form", ApplicationForm.of(application));
		return show(application, model);
	}

	@PostMapping("/{id}/clients/{clientId}/revoke")
	String revokeClient(@PathVariable String id, @PathVariable String clientId, Authentication user) {
		var application = find(id);
		clients.find(clientId)
			.filter(client -> client.application().filter(application.id()::equals).isPresent())
			.ifPresent(client -> clients.revoke(client.clientId(), user.getName()));
		return "redirect:/operator/senders/applications/" + application.id().value() + "?revoked";
	}

	private String show(SenderApplication application, Model model) {
		model.addAttribute("senderApplication", application);
		model.addAttribute("clients", clients.ofApplication(application.id()));
		return "senders/application";
	}

	private SenderApplication find(String id) {
		if (!SenderApplicationId.isValid(id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return referenceData.findApplication(new SenderApplicationId(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
