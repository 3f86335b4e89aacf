package be.ebox.senders.internal;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.senders.MessageKind;
import be.ebox.senders.MessageType;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.ValidityPeriod;
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

/** Operator pages: message types. */
@Controller
@RequestMapping("/operator/senders/message-types")
class MessageTypePages {

	private final JdbcReferenceData referenceData;

	private final AuditTrail audit;

	MessageTypePages(JdbcReferenceData referenceData, AuditTrail audit) {
		this.referenceData = referenceData;
		this.audit = audit;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("organisations", referenceData.organisations());
		model.addAttribute("units", ValidityPeriod.Unit.values());
		model.addAttribute("kinds", MessageKind.values());
	}

	@GetMapping("/new")
	String create(Model model) {
		model.addAttribute("form", new MessageTypeForm());
		return "senders/messageType";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable String id, Model model) {
		if (!MessageTypeId.isValid(id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		MessageType type = referenceData.findMessageType(new MessageTypeId(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("form", MessageTypeForm.of(type));
		return "senders/messageType";
	}

	@PostMapping
	String save(@ModelAttribute("form") MessageTypeForm form, BindingResult errors, Authentication user) {
		form.validate(errors, referenceData);
		if (!errors.hasFieldErrors("id")) {
			boolean exists = referenceData.findMessageType(new MessageTypeId(form.getId().strip())).isPresent();
			if (exists != form.isExisting()) {
				errors.rejectValue("id", form.isExisting() ? "senders.error.unknown" : "senders.error.exists");
			}
		}
		if (errors.hasErrors()) {
			return "senders/messageType";
		}
		MessageType type = form.toMessageType();
		referenceData.save(type);
		audit.record(AuditEvent.of(user.getName(), "MESSAGE_TYPE_SAVED", type.organisation(), type.id().value()));
		return "redirect:/operator/senders/message-types/" + type.id().value() + "?saved";
	}
}
