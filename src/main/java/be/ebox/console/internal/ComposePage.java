package be.ebox.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.documents.BlobStore;
import be.ebox.documents.MediaTypes;
import be.ebox.documents.UnsupportedMediaTypeException;
import be.ebox.messages.PublicationException;
import be.ebox.messages.Publications;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageKind;
import be.ebox.senders.MessageType;
import be.ebox.senders.ReferenceData;
import be.ebox.senders.SenderApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
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

	static final int MAX_DOCUMENTS = 6;

	static final int MAX_FILE_NAME = 80;

	private static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");

	private final Staff staff;

	private final ReferenceData referenceData;

	private final Publications publications;

	private final BlobStore blobs;

	private final AuditTrail audit;

	private final Clock clock;

	private final long maxFileSize;

	ComposePage(Staff staff, ReferenceData referenceData, Publications publications, BlobStore blobs, AuditTrail audit,
			Clock clock, @Value("${ebox.publication.max-file-size:100MB}") DataSize maxFileSize) {
		this.staff = staff;
		this.referenceData = referenceData;
		this.publications = publications;
		this.blobs = blobs;
		this.audit = audit;
		this.clock = clock;
		this.maxFileSize = maxFileSize.toBytes();
	}

	@GetMapping
	String form(Authentication authentication, Model model) {
		var member = staff.of(authentication);
		var form = new ComposeForm();
		var applications = referenceData.applicationsOf(member.number());
		if (applications.size() == 1) {
			form.setApplication(applications.get(0).id().value());
		}
		return page(member, form, model);
	}

	@PostMapping
	String publish(@ModelAttribute("form") ComposeForm form, BindingResult errors,
			@RequestParam(name = "documents", required = false) List<MultipartFile> uploads,
			Authentication authentication, Model model) {
		var member = staff.of(authentication);
		Optional<SenderApplication> application = referenceData.applicationsOf(member.number())
			.stream()
			.filter(a -> a.id().value().equals(form.getApplication()))
			.findFirst();
		if (application.isEmpty()) {
			errors.rejectValue("application", "console.compose.application.invalid");
		}
		EnterpriseNumber recipient = recipient(form, errors);
		// only the organisation's own types: another organisation's type is refused as unknown
		Optional<MessageType> type = referenceData.messageTypesOf(member.number())
			.stream()
			.filter(t -> t.id().value().equals(form.getMessageType()))
			.findFirst();
		if (type.isEmpty()) {
			errors.rejectValue("messageType", "console.compose.messageType.invalid");
		}
		var contents = form.contents();
		checkSubjects(form, errors);
		Instant visibleFrom = visibleFrom(form, errors);
		LocalDate dueDate = dueDate(form, type, errors);
		List<MultipartFile> files = uploads == null ? List.of()
				: uploads.stream().filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())).toList();
		checkDocuments(files, errors);
		if (files.isEmpty() && contents.values().stream().allMatch(c -> c.body() == null)) {
			errors.reject("console.compose.mainContent.required");
		}
		String key = form.getIdempotencyKey();
		if (key == null || key.isBlank() || key.length() > 200) {
			form.setIdempotencyKey(new ComposeForm().getIdempotencyKey());
		}
		if (errors.hasErrors()) {
			return page(member, form, model);
		}
		List<Publications.Document> documents = store(files);
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
		model.addAttribute("maxDocuments", MAX_DOCUMENTS);
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

	private static void checkSubjects(ComposeForm form, BindingResult errors) {
		String[][] subjects = { { "subjectNl", form.getSubjectNl() }, { "subjectFr", form.getSubjectFr() },
				{ "subjectDe", form.getSubjectDe() }, { "subjectEn", form.getSubjectEn() } };
		boolean any = false;
		for (String[] subject : subjects) {
			String text = ComposeForm.blankToNull(subject[1]);
			if (text != null) {
				any = true;
				if (text.length() > ComposeForm.MAX_SUBJECT) {
					errors.rejectValue(subject[0], "console.compose.subject.tooLong",
							new Object[] { ComposeForm.MAX_SUBJECT }, null);
				}
			}
		}
		if (!any) {
			errors.rejectValue("subjectNl", "console.compose.subject.required");
		}
	}

	private Instant visibleFrom(ComposeForm form, BindingResult errors) {
		String typed = ComposeForm.blankToNull(form.getVisibleFrom());
		if (typed == null) {
			return null;
		}
		try {
			Instant at = LocalDateTime.parse(typed).atZone(BELGIUM).toInstant();
			if (at.isBefore(clock.instant())) {
				errors.rejectValue("visibleFrom", "console.compose.visibleFrom.past");
				return null;
			}
			return at;
		}
		catch (DateTimeParseException ex) {
			errors.rejectValue("visibleFrom", "console.compose.visibleFrom.invalid");
			return null;
		}
	}

	private LocalDate dueDate(ComposeForm form, Optional<MessageType> type, BindingResult errors) {
		String typed = ComposeForm.blankToNull(form.getDueDate());
		if (typed == null) {
			return null;
		}
		if (type.isPresent() && type.get().kind() != MessageKind.TASK) {
			errors.rejectValue("dueDate", "console.compose.dueDate.notTask");
			return null;
		}
		try {
			LocalDate due = LocalDate.parse(typed);
			if (due.isBefore(LocalDate.now(clock.withZone(BELGIUM)))) {
				errors.rejectValue("dueDate", "console.compose.dueDate.past");
				return null;
			}
			return due;
		}
		catch (DateTimeParseException ex) {
			errors.rejectValue("dueDate", "console.compose.dueDate.invalid");
			return null;
		}
	}

	/** Name, size and real type (from the bytes, never the declared type) of each document, before anything is stored. */
	private void checkDocuments(List<MultipartFile> files, BindingResult errors) {
		if (files.size() > MAX_DOCUMENTS) {
			errors.rejectValue("documents", "console.compose.documents.tooMany", new Object[] { MAX_DOCUMENTS }, null);
			return;
		}
		for (MultipartFile file : files) {
			String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().strip();
			if (name.isEmpty() || name.length() > MAX_FILE_NAME) {
				errors.rejectValue("documents", "console.compose.documents.name", new Object[] { MAX_FILE_NAME }, null);
			}
			else if (file.isEmpty()) {
				errors.rejectValue("documents", "console.compose.documents.empty", new Object[] { name }, null);
			}
			else if (file.getSize() > maxFileSize) {
				errors.rejectValue("documents", "console.compose.documents.tooLarge",
						new Object[] { name, DataSize.ofBytes(maxFileSize).toMegabytes() }, null);
			}
			else {
				try (InputStream in = file.getInputStream()) {
					MediaTypes.requireAllowed(MediaTypes.CONTRACT_ATTACHMENT_TYPES, in, name);
				}
				catch (UnsupportedMediaTypeException ex) {
					errors.rejectValue("documents", "console.compose.documents.type", new Object[] { name }, null);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
	}

	/** Streams each document into the content-addressed store; the first one is the main content. */
	private List<Publications.Document> store(List<MultipartFile> files) {
		List<Publications.Document> documents = new ArrayList<>();
		for (MultipartFile file : files) {
			try (InputStream in = file.getInputStream()) {
				documents.add(new Publications.Document(file.getOriginalFilename().strip(), blobs.store(in),
						documents.isEmpty(), Map.of()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return documents;
	}
}
