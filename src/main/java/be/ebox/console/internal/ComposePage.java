package be.ebox.console.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.documents.MediaTypes;
import be.ebox.messages.PublicationException;
import be.ebox.messages.Publications;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageType;
import be.ebox.senders.ReferenceData;
import be.ebox.senders.SenderApplication;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Compose and publish one message for the staff member's organisation through {@link Publications}, so the rules of
 * {@code /publishMessage} apply. The page checks what it can say precisely itself (each field, each document's real
 * type) and turns what the publication still refuses into a message per refusal code.
 */
@Controller
@RequestMapping("/console/compose")
class ComposePage {

	private final Staff staff;

	private final ReferenceData referenceData;

	private final Publications publications;

	private final TemplateFields fields;

	private final AuditTrail audit;

	ComposePage(Staff staff, ReferenceData referenceData, Publications publications, TemplateFields fields,
			AuditTrail audit) {
		this.staff = staff;
		this.referenceData = referenceData;
		this.publications = publications;
		this.fields = fields;
		this.audit = audit;
	}

	@GetMapping
	String form(Authentication authentication, Model model) {
		var member = staff.of(authentication);
		return page(member, TemplateFields.withOnlyApplication(referenceData, member.number(), new ComposeForm()), model);
	}

	@PostMapping
	String publish(@ModelAttribute("form") ComposeForm form, BindingResult errors,
			@RequestParam(name = "documents", required = false) List<MultipartFile> uploads,
			Authentication authentication, Model model) {
		var member = staff.of(authentication);
		Optional<SenderApplication> application = TemplateFields.application(referenceData, member.number(), form, errors);
		EnterpriseNumber recipient = recipient(form, errors);
		Optional<MessageType> type = TemplateFields.messageType(referenceData, member.number(), form, errors);
		var contents = form.contents();
		TemplateFields.checkSubjects(form, errors);
		Instant visibleFrom = fields.visibleFrom(form, errors);
		LocalDate dueDate = fields.dueDate(form, type, errors);
		List<MultipartFile> files = TemplateFields.chosen(uploads);
		fields.checkDocuments(files, errors);
		TemplateFields.checkMainContent(files, contents, errors);
		String key = form.getIdempotencyKey();
		if (key == null || key.isBlank() || key.length() > 200) {
			form.setIdempotencyKey(new ComposeForm().getIdempotencyKey());
		}
		if (errors.hasErrors()) {
			return page(member, form, model);
		}
		List<Publications.Document> documents = fields.store(files);
		var outgoing = new Publications.Outgoing(application.get().id(), recipient, type.get().id(), contents,
				documents.isEmpty(), documents, visibleFrom, dueDate, form.isAcknowledgementRequired(), form.isReplyAuthorized(), Map.of(),
				form.getIdempotencyKey());
		Publications.Published published;
		try {
			published = publications.publish(outgoing);
		}
		catch (PublicationException refused) {
			Refusals.reject(refused.code(), errors);
			if ("IDEMPOTENCY_KEY_REUSED".equals(refused.code())) {
				form.setIdempotencyKey(new ComposeForm().getIdempotencyKey());
			}
			return page(member, form, model);
		}
		audit.record(AuditEvent.of(member.user().getUsername(), "CONSOLE_MESSAGE_PUBLISHED", recipient,
				"message " + published.id() + ", type " + type.get().id().value() + ", organisation "
						+ member.number().formatted()));
		return "redirect:/console/messages/" + published.id().value() + "?published";
	}

	private String page(Staff.Member member, ComposeForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("organisation", member.organisation());
		model.addAttribute("applications", referenceData.applicationsOf(member.number()));
		model.addAttribute("messageTypes", referenceData.messageTypesOf(member.number()));
		model.addAttribute("maxDocuments", TemplateFields.MAX_DOCUMENTS);
		model.addAttribute("acceptedTypes", String.join(",", MediaTypes.CONTRACT_ATTACHMENT_TYPES.stream().sorted().toList()));
		return "console/compose";
	}

	private static EnterpriseNumber recipient(ComposeForm form, BindingResult errors) {
		String typed = ComposeForm.blankToNull(form.getRecipient());
		if (typed == null) {
			errors.rejectValue("recipient", "console.compose.recipient.required");
			return null;
		}
		if (!EnterpriseNumber.isValid(typed)) {
			errors.rejectValue("recipient", "console.compose.recipient.invalid");
			return null;
		}
		return EnterpriseNumber.parse(typed);
	}
}
