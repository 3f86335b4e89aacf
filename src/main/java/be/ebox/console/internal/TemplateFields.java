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

import be.ebox.documents.BlobStore;
import be.ebox.documents.MediaTypes;
import be.ebox.documents.UnsupportedMediaTypeException;
import be.ebox.messages.Message;
import be.ebox.messages.Publications;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageKind;
import be.ebox.senders.MessageType;
import be.ebox.senders.ReferenceData;
import be.ebox.senders.SenderApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/**
 * The fields a single message and a bulk template share (subjects, visibility, due date, documents), checked so that
 * each error lands on its field in the user's language before the publication sees it; then the documents stored.
 */
@Component
class TemplateFields {

	static final int MAX_DOCUMENTS = 6;

	static final int MAX_FILE_NAME = 80;

	private static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");

	private final BlobStore blobs;

	private final Clock clock;

	private final long maxFileSize;

	TemplateFields(BlobStore blobs, Clock clock, @Value("${ebox.publication.max-file-size:100MB}") DataSize maxFileSize) {
		this.blobs = blobs;
		this.clock = clock;
		this.maxFileSize = maxFileSize.toBytes();
	}

	/** The files the browser sent, without the empty entry of a file input left empty. */
	static List<MultipartFile> chosen(List<MultipartFile> uploads) {
		return uploads == null ? List.of()
				: uploads.stream()
					.filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()))
					.toList();
	}

	/** A new form, with the application chosen when the organisation has only one. */
	static <F extends ComposeForm> F withOnlyApplication(ReferenceData referenceData, EnterpriseNumber organisation,
			F form) {
		var applications = referenceData.applicationsOf(organisation);
		if (applications.size() == 1) {
			form.setApplication(applications.get(0).id().value());
		}
		return form;
	}

	/** The organisation's own application chosen in the form; another organisation's is refused as unknown. */
	static Optional<SenderApplication> application(ReferenceData referenceData, EnterpriseNumber organisation,
			ComposeForm form, BindingResult errors) {
		Optional<SenderApplication> application = referenceData.applicationsOf(organisation)
			.stream()
			.filter(a -> a.id().value().equals(form.getApplication()))
			.findFirst();
		if (application.isEmpty()) {
			errors.rejectValue("application", "console.compose.application.invalid");
		}
		return application;
	}

	/** The organisation's own message type chosen in the form; another organisation's is refused as unknown. */
	static Optional<MessageType> messageType(ReferenceData referenceData, EnterpriseNumber organisation,
			ComposeForm form, BindingResult errors) {
		Optional<MessageType> type = referenceData.messageTypesOf(organisation)
			.stream()
			.filter(t -> t.id().value().equals(form.getMessageType()))
			.findFirst();
		if (type.isEmpty()) {
			errors.rejectValue("messageType", "console.compose.messageType.invalid");
		}
		return type;
	}

	/** A message needs a main content: a document or a text in some language. */
	static void checkMainContent(List<MultipartFile> files, Map<String, Message.Content> contents,
			BindingResult errors) {
		if (files.isEmpty() && contents.values().stream().allMatch(c -> c.body() == null)) {
			errors.reject("console.compose.mainContent.required");
		}
	}

	static void checkSubjects(ComposeForm form, BindingResult errors) {
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

	Instant visibleFrom(ComposeForm form, BindingResult errors) {
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

	LocalDate dueDate(ComposeForm form, Optional<MessageType> type, BindingResult errors) {
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
	void checkDocuments(List<MultipartFile> files, BindingResult errors) {
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
	List<Publications.Document> store(List<MultipartFile> files) {
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
