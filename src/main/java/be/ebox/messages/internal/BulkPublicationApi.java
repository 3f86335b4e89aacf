package be.ebox.messages.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.ebox.documents.BlobStore;
import be.ebox.documents.MediaTypes;
import be.ebox.documents.StoredBlob;
import be.ebox.documents.UnsupportedMediaTypeException;
import be.ebox.messages.BulkPublications;
import be.ebox.messages.BulkPublications.Format;
import be.ebox.messages.BulkPublications.JobId;
import be.ebox.messages.BulkPublications.Status;
import be.ebox.messages.Message;
import be.ebox.messages.Publications;
import be.ebox.senders.MachineClaims;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/publications} and {@code GET /api/v1/publications/{id}} (described in
 * {@code static/api/v1/publications.yaml}): a multipart request with the JSON part {@code template}, the file part
 * {@code recipients} (CSV or NDJSON), shared documents in parts {@code document} and optionally a ZIP of personal
 * documents in part {@code personalDocuments}. The container spools the parts to disk, so the recipients file is
 * streamed from there into the job, never held whole.
 */
@RestController
class BulkPublicationApi {

	static final String PATH = "/api/v1/publications";

	private static final int MAX_TEMPLATE = 1024 * 1024;

	private final BulkStart bulk;

	private final BlobStore blobs;

	private final JsonMapper json;

	private final long maxFileSize;

	BulkPublicationApi(BulkStart bulk, BlobStore blobs, JsonMapper json,
			@Value("${ebox.publication.max-file-size:100MB}") DataSize maxFileSize) {
		this.bulk = bulk;
		this.blobs = blobs;
		this.json = json;
		this.maxFileSize = maxFileSize.toBytes();
	}

	/** The JSON part {@code template}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record TemplatePart(String messageTypeId, MessageToPublish.Translated subject, MessageToPublish.Translated body,
			Boolean bodyMainContent, List<DocumentPart> documents, PersonalPart personalDocument, String visibleFrom,
			String dueDate, Boolean acknowledgementRequired) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record DocumentPart(String fileName, Boolean mainContent, MessageToPublish.Translated title) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PersonalPart(Boolean mainContent, MessageToPublish.Translated title) {
	}

	/** The progress report. */
	record Report(String id, String state, long total, long done, long failed, long noDigitalUser, Instant startedAt,
			Instant finishedAt, List<BulkPublications.FailedLine> failedLines, boolean failedLinesTruncated) {

		static Report of(Status status) {
			return new Report(status.id().toString(), status.state().name(), status.total(), status.done(),
					status.failed(), status.noDigitalUser(), status.startedAt(), status.finishedAt(),
					status.failedLines(), status.failed() > status.failedLines().size());
		}
	}

	@PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Report> start(HttpServletRequest request, @AuthenticationPrincipal Jwt jwt)
			throws IOException, ServletException {
		String contentType = request.getContentType();
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			throw invalid("The request must be multipart/form-data with the parts template and recipients");
		}
		MachineClaims claims = MachineClaims.of(jwt.getClaims());
		SenderApplicationId application = claims.application()
			.orElseThrow(() -> PublicationRefused.invalid(SenderCheck.INVALID_SENDER,
					"The access token names no sender application: only sender applications may publish"));
		TemplatePart template = null;
		Part recipients = null;
		Part personal = null;
		Map<String, StoredBlob> shared = new LinkedHashMap<>();
		for (Part part : request.getParts()) {
			switch (part.getName()) {
				case "template" -> {
					if (template != null) {
						throw invalid("The part template is given twice");
					}
					template = template(part);
				}
				case "recipients" -> {
					if (recipients != null) {
						throw invalid("The part recipients is given twice");
					}
					recipients = part;
				}
				case "personalDocuments" -> {
					if (personal != null) {
						throw invalid("The part personalDocuments is given twice");
					}
					personal = part;
				}
				case "document" -> {
					var stored = document(part);
					if (shared.put(part.getSubmittedFileName(), stored) != null) {
						throw invalid("Two shared documents are named " + part.getSubmittedFileName());
					}
				}
				default -> throw invalid("Unexpected part '" + part.getName()
						+ "': only template, recipients, document and personalDocuments are accepted");
			}
		}
		if (template == null) {
			throw PublicationRefused.invalid("MISSING_PART", "The part template is missing");
		}
		if (recipients == null) {
			throw PublicationRefused.invalid("MISSING_PART", "The part recipients is missing");
		}
		Format format = format(recipients);
		Map<String, StoredBlob> personalDocuments = personal == null ? Map.of() : personalDocuments(personal);
		var full = template(template, application, shared, claims.clientId());
		try (InputStream lines = recipients.getInputStream()) {
			JobId id = bulk.start(claims, new BulkPublications.Request(full, format, lines, personalDocuments));
			Status status = bulk.status(application, id).orElseThrow();
			return ResponseEntity.accepted()
				.location(URI.create(PATH + "/" + id))
				.contentType(MediaType.APPLICATION_JSON)
				.body(Report.of(status));
		}
	}

	@GetMapping(path = PATH + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Report> status(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
		var application = MachineClaims.of(jwt.getClaims()).application();
		var job = JobId.parse(id);
		if (application.isEmpty() || job.isEmpty()) {
			throw new BulkJobNotFound();
		}
		return bulk.status(application.get(), job.get())
			.map(status -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Report.of(status)))
			.orElseThrow(BulkJobNotFound::new);
	}

	/** A job that does not exist or belongs to another sender application: the same 404 for both. */
	static final class BulkJobNotFound extends RuntimeException {

		BulkJobNotFound() {
			super("No bulk publication with this id", null, false, false);
		}
	}

	private TemplatePart template(Part part) throws IOException {
		if (part.getSize() > MAX_TEMPLATE) {
			throw invalid("The part template is larger than 1 MB");
		}
		try (InputStream in = part.getInputStream()) {
			TemplatePart template = json.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8),
					TemplatePart.class);
			if (template == null) {
				throw invalid("The part template is empty");
			}
			return template;
		}
		catch (JacksonException ex) {
			throw invalid("The part template is not valid JSON of the template shape (see publications.yaml)");
		}
	}

	private BulkPublications.Template template(TemplatePart part, SenderApplicationId application,
			Map<String, StoredBlob> shared, String actor) {
		if (part.messageTypeId() == null || !MessageTypeId.isValid(part.messageTypeId())) {
			throw invalid("messageTypeId is missing or not a message type id");
		}
		var contents = new LinkedHashMap<String, Message.Content>();
		for (String language : MessageToPublish.LANGUAGES) {
			String subject = part.subject() == null ? null : part.subject().in(language);
			String body = part.body() == null ? null : part.body().in(language);
			if (subject != null || body != null) {
				contents.put(language, new Message.Content(language, subject, body));
			}
		}
		var documents = new ArrayList<Publications.Document>();
		var described = new LinkedHashMap<String, DocumentPart>();
		if (part.documents() != null) {
			for (DocumentPart document : part.documents()) {
				if (document == null || document.fileName() == null || described.put(document.fileName(), document) != null) {
					throw invalid("Every entry of documents needs a fileName, each one once");
				}
				if (!shared.containsKey(document.fileName())) {
					throw PublicationRefused.invalid("MISSING_PART",
							"The template describes the document " + document.fileName() + " but no part document has that file name");
				}
			}
		}
		shared.forEach((fileName, blob) -> {
			DocumentPart document = described.get(fileName);
			documents.add(new Publications.Document(fileName, blob, document != null && Boolean.TRUE.equals(document.mainContent()),
					document == null ? Map.of() : titles(document.title())));
		});
		var personal = part.personalDocument() == null ? null
				: new BulkPublications.PersonalDocument(Boolean.TRUE.equals(part.personalDocument().mainContent()),
						titles(part.personalDocument().title()));
		Instant visibleFrom;
		LocalDate dueDate;
		try {
			visibleFrom = part.visibleFrom() == null ? null : Instant.parse(part.visibleFrom());
			dueDate = part.dueDate() == null ? null : LocalDate.parse(part.dueDate());
		}
		catch (DateTimeParseException ex) {
			throw invalid("visibleFrom is a date-time (2026-12-01T08:00:00Z) and dueDate a date (2026-12-31)");
		}
		return new BulkPublications.Template(application, new MessageTypeId(part.messageTypeId()), contents,
				Boolean.TRUE.equals(part.bodyMainContent()), documents, personal, visibleFrom, dueDate,
				Boolean.TRUE.equals(part.acknowledgementRequired()), actor == null ? "unknown-client" : actor);
	}

	private static Map<String, String> titles(MessageToPublish.Translated title) {
		var titles = new LinkedHashMap<String, String>();
		if (title != null) {
			for (String language : MessageToPublish.LANGUAGES) {
				String text = title.in(language);
				if (text != null && !text.isBlank()) {
					if (text.length() > 255) {
						throw invalid("A document title is longer than 255 characters");
					}
					titles.put(language, text);
				}
			}
		}
		return titles;
	}

	/** A shared document: size, file name and real media type checked, then stored once. */
	private StoredBlob document(Part part) throws IOException {
		if (part.getSize() > maxFileSize) {
			throw PublicationRefused.invalid("FILE_TOO_LARGE",
					"A document is larger than the maximum of " + maxFileSize + " bytes");
		}
		String fileName = part.getSubmittedFileName();
		if (fileName == null || fileName.isBlank() || fileName.length() > PublicationParts.MAX_FILE_NAME) {
			throw PublicationRefused.invalid("FILE_NAME_TOO_LONG",
					"Every part document needs a file name of 1 to " + PublicationParts.MAX_FILE_NAME + " characters");
		}
		String mediaType;
		try (InputStream in = part.getInputStream()) {
			mediaType = MediaTypes.requireAllowed(MediaTypes.CONTRACT_ATTACHMENT_TYPES, in, fileName);
		}
		catch (UnsupportedMediaTypeException ex) {
			throw PublicationRefused.invalid("UNSUPPORTED_MEDIA_TYPE", "The document " + fileName + " is "
					+ ex.detected() + " by its content, which is not accepted or not what its name says");
		}
		try (InputStream in = part.getInputStream()) {
			StoredBlob blob = blobs.store(in);
			return new StoredBlob(blob.sha256(), blob.size(), mediaType);
		}
		catch (UncheckedIOException ex) {
			throw new IOException("Upload of a document failed", ex);
		}
	}

	private Map<String, StoredBlob> personalDocuments(Part part) throws IOException {
		try (InputStream in = part.getInputStream()) {
			return new PersonalDocumentsZip(blobs, maxFileSize).read(in);
		}
	}

	private static Format format(Part recipients) {
		String type = recipients.getContentType() == null ? "" : recipients.getContentType().toLowerCase(Locale.ROOT);
		String name = recipients.getSubmittedFileName() == null ? ""
				: recipients.getSubmittedFileName().toLowerCase(Locale.ROOT);
		if (type.startsWith("text/csv") || name.endsWith(".csv")) {
			return Format.CSV;
		}
		if (type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")
				|| type.startsWith("application/x-jsonlines") || name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
			return Format.NDJSON;
		}
		throw invalid("The part recipients must be CSV (text/csv or a .csv file) or NDJSON (application/x-ndjson or "
				+ "a .ndjson file)");
	}

	private static PublicationRefused invalid(String message) {
		return PublicationRefused.invalid("INVALID_DATA", message);
	}
}
