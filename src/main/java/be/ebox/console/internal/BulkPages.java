package be.ebox.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import be.ebox.documents.MediaTypes;
import be.ebox.messages.BulkPublications;
import be.ebox.messages.BulkPublications.Format;
import be.ebox.messages.BulkPublications.JobId;
import be.ebox.messages.BulkPublications.Status;
import be.ebox.messages.PublicationException;
import be.ebox.messages.Publications;
import be.ebox.senders.MessageType;
import be.ebox.senders.SenderApplication;
import be.ebox.senders.ReferenceData;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk publication from the console: a template (the compose page's fields, with variables such as {@code {{name}}}),
 * shared documents and a recipients file (CSV or NDJSON, as {@code POST /api/v1/publications} takes it) start a job
 * through {@link BulkPublications}, so the API's rules and limits apply; its page shows the progress, live, and the
 * failed lines with their reason in the user's language. A staff member sees the jobs of their organisation's
 * applications only: any other job id is a 404.
 */
@Controller
@RequestMapping("/console/bulk")
class BulkPages {

	static final int RECENT = 20;

	private final Staff staff;

	private final ReferenceData referenceData;

	private final BulkPublications bulk;

	private final TemplateFields fields;

	private final MessageSource messages;

	BulkPages(Staff staff, ReferenceData referenceData, BulkPublications bulk, TemplateFields fields,
			MessageSource messages) {
		this.staff = staff;
		this.referenceData = referenceData;
		this.bulk = bulk;
		this.fields = fields;
		this.messages = messages;
	}

	/** A failed line as the page shows it: its reason by code in the page language, the worker's detail in English. */
	public record FailedRow(long line, String code, String reason, String detail) {
	}

	/** What the progress script reads. */
	record Progress(String state, long total, long processed, long done, long failed, long noDigitalUser,
			String summary) {
	}

	@GetMapping
	String form(Authentication authentication, Model model) {
		var member = staff.of(authentication);
		return page(member, TemplateFields.withOnlyApplication(referenceData, member.number(), new BulkForm()), model);
	}

	@PostMapping
	String start(@ModelAttribute("form") BulkForm form, BindingResult errors,
			@RequestParam(name = "documents", required = false) List<MultipartFile> uploads,
			@RequestParam(name = "recipients", required = false) MultipartFile recipients,
			Authentication authentication, Model model) throws IOException {
		var member = staff.of(authentication);
		Optional<SenderApplication> application = TemplateFields.application(referenceData, member.number(), form, errors);
		Optional<MessageType> type = TemplateFields.messageType(referenceData, member.number(), form, errors);
		var contents = form.contents();
		TemplateFields.checkSubjects(form, errors);
		Instant visibleFrom = fields.visibleFrom(form, errors);
		LocalDate dueDate = fields.dueDate(form, type, errors);
		List<MultipartFile> files = TemplateFields.chosen(uploads);
		fields.checkDocuments(files, errors);
		TemplateFields.checkMainContent(files, contents, errors);
		Format format = format(recipients, errors);
		if (errors.hasErrors()) {
			return page(member, form, model);
		}
		List<Publications.Document> documents = fields.store(files);
		var template = new BulkPublications.Template(application.get().id(), type.get().id(), contents,
				documents.isEmpty(), documents, null, visibleFrom, dueDate, form.isAcknowledgementRequired(),
				member.user().getUsername());
		JobId id;
		try (InputStream lines = recipients.getInputStream()) {
			id = bulk.start(new BulkPublications.Request(template, format, lines, Map.of()));
		}
		catch (PublicationException refused) {
			// what the template alone could not tell: the recipients file's header, for one
			if ("INVALID_DATA".equals(refused.code())) {
				errors.rejectValue("recipients", "console.bulk.recipients.invalid");
			}
			else {
				Refusals.reject(refused.code(), errors);
			}
			return page(member, form, model);
		}
		return "redirect:/console/bulk/" + id;
	}

	@GetMapping("/{id}")
	String progress(@PathVariable String id, Authentication authentication, Model model, Locale locale) {
		var member = staff.of(authentication);
		Status status = find(member, id);
		model.addAttribute("organisation", member.organisation());
		model.addAttribute("job", status);
		model.addAttribute("processed", status.done() + status.failed());
		model.addAttribute("failures", status.failedLines()
			.stream()
			.map(f -> new FailedRow(f.line(), f.code(), reason(f.code(), locale), f.reason()))
			.toList());
		model.addAttribute("time", SentPages.TIME);
		return "console/bulk-progress";
	}

	@GetMapping(path = "/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Progress> progressJson(@PathVariable String id, Authentication authentication, Locale locale) {
		var member = staff.of(authentication);
		Status s = find(member, id);
		long processed = s.done() + s.failed();
		String summary = messages.getMessage("console.bulk.summary", new Object[] { processed, s.total(), s.done(),
				s.failed() }, locale);
		return ResponseEntity.ok()
			.header("Cache-Control", "no-store")
			.body(new Progress(s.state().name(), s.total(), processed, s.done(), s.failed(), s.noDigitalUser(),
					summary));
	}

	/** Among the jobs of the organisation's applications only. */
	private Status find(Staff.Member member, String id) {
		JobId job = JobId.parse(id).orElseThrow(Staff::notFound);
		return referenceData.applicationsOf(member.number())
			.stream()
			.map(application -> bulk.status(application.id(), job))
			.flatMap(Optional::stream)
			.findFirst()
			.orElseThrow(Staff::notFound);
	}

	private String page(Staff.Member member, BulkForm form, Model model) {
		var applications = referenceData.applicationsOf(member.number());
		model.addAttribute("form", form);
		model.addAttribute("organisation", member.organisation());
		model.addAttribute("applications", applications);
		model.addAttribute("messageTypes", referenceData.messageTypesOf(member.number()));
		model.addAttribute("maxDocuments", TemplateFields.MAX_DOCUMENTS);
		model.addAttribute("acceptedTypes",
				String.join(",", MediaTypes.CONTRACT_ATTACHMENT_TYPES.stream().sorted().toList()));
		model.addAttribute("jobs", applications.stream()
			.flatMap(application -> bulk.recent(application.id(), RECENT).stream())
			.sorted(Comparator.comparing(Status::startedAt).reversed())
			.limit(RECENT)
			.toList());
		model.addAttribute("time", SentPages.TIME);
		return "console/bulk";
	}

	/** The format by the file's name or declared type, as the API decides it. */
	private static Format format(MultipartFile recipients, BindingResult errors) {
		if (recipients == null || recipients.isEmpty()) {
			errors.rejectValue("recipients", "console.bulk.recipients.required");
			return null;
		}
		String name = recipients.getOriginalFilename() == null ? ""
				: recipients.getOriginalFilename().toLowerCase(Locale.ROOT);
		String type = recipients.getContentType() == null ? "" : recipients.getContentType().toLowerCase(Locale.ROOT);
		if (name.endsWith(".csv") || type.startsWith("text/csv")) {
			return Format.CSV;
		}
		if (name.endsWith(".ndjson") || name.endsWith(".jsonl") || type.startsWith("application/x-ndjson")) {
			return Format.NDJSON;
		}
		errors.rejectValue("recipients", "console.bulk.recipients.format");
		return null;
	}

	private String reason(String code, Locale locale) {
		String text = messages.getMessage("console.bulk.failure." + code, null, null, locale);
		return text != null ? text : messages.getMessage("console.bulk.failure.other", null, locale);
	}
}
