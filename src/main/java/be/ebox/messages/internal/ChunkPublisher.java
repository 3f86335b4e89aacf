package be.ebox.messages.internal;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.documents.BlobStore;
import be.ebox.documents.MediaTypes;
import be.ebox.documents.StoredBlob;
import be.ebox.documents.UnsupportedMediaTypeException;
import be.ebox.enrolment.Enrolment;
import be.ebox.messages.BulkPublications.FailedLine;
import be.ebox.messages.BulkPublications.Format;
import be.ebox.messages.BulkPublications.Template;
import be.ebox.messages.Message;
import be.ebox.messages.MessageId;
import be.ebox.messages.MessagePublished;
import be.ebox.messages.MessagesPublished;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.EnterpriseRegistry;
import be.ebox.senders.MessageType;
import be.ebox.senders.ReferenceData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes one chunk of a bulk job in one transaction: locks the chunk, checks every line (recipient, variables,
 * subject length, document), writes the good lines' messages with JDBC batches, records the failed lines, publishes
 * a {@link MessagePublished} per message and marks the chunk done. A crash anywhere rolls all of it back and the
 * chunk is taken again: every line is published exactly once. No audit record per message (the audit chain is
 * serial): one when the job starts, one when it ends.
 */
@Component
class ChunkPublisher {

	private static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");

	private final BulkJobs jobs;

	private final BulkMessageWriter writer;

	private final EnterpriseRegistry registry;

	private final Enrolment enrolment;

	private final ReferenceData referenceData;

	private final BlobStore blobs;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ChunkPublisher(BulkJobs jobs, BulkMessageWriter writer, EnterpriseRegistry registry, Enrolment enrolment,
			ReferenceData referenceData, BlobStore blobs, AuditTrail audit, TransactionTemplate transaction,
			JsonMapper json, Clock clock, ApplicationEventPublisher events) {
		this.jobs = jobs;
		this.writer = writer;
		this.registry = registry;
		this.enrolment = enrolment;
		this.referenceData = referenceData;
		this.blobs = blobs;
		this.audit = audit;
		this.transaction = transaction;
		this.json = json;
		this.clock = clock;
		this.events = events;
	}

	/** @return false when no chunk was waiting (or all are held by other workers) */
	boolean publishNextChunk() {
		return Boolean.TRUE.equals(transaction.execute(status -> jobs.lockNextChunk().map(chunk -> {
			publish(chunk);
			return true;
		}).orElse(false)));
	}

	private void publish(BulkJobs.Chunk chunk) {
		BulkJobs.Job job = jobs.job(chunk.job());
		Template template = json.readValue(job.template(), Template.class);
		Instant now = clock.instant();
		var failures = new ArrayList<FailedLine>();
		List<RecipientLine> lines = parse(job, chunk.lines(), failures);

		var numbers = new LinkedHashMap<RecipientLine, EnterpriseNumber>();
		for (RecipientLine line : lines) {
			if (line.enterpriseNumber() == null || !EnterpriseNumber.isValid(line.enterpriseNumber())) {
				failures.add(new FailedLine(line.line(), "INVALID_RECIPIENT", "The recipient " + line.enterpriseNumber()
						+ " is not a valid enterprise number (10 digits, mod 97)"));
			}
			else {
				numbers.put(line, EnterpriseNumber.parse(line.enterpriseNumber()));
			}
		}
		Set<EnterpriseNumber> known = registry.existing(numbers.values());
		Set<EnterpriseNumber> active = enrolment.active(known);
		Map<String, StoredBlob> named = jobs.documents(job.id(), documentNames(lines));
		MessageType type = referenceData.findMessageType(template.type()).orElseThrow();
		Instant visible = template.visibleFrom() == null || template.visibleFrom().isBefore(now) ? now
				: template.visibleFrom();
		Instant expiry = type.validity().expiryFrom(visible, BELGIUM);
		List<Message.Attachment> shared = sharedAttachments(template);
		List<CompiledContent> compiled = compile(template);

		var messages = new ArrayList<Message>(numbers.size());
		long noDigitalUser = 0;
		for (var entry : numbers.entrySet()) {
			RecipientLine line = entry.getKey();
			EnterpriseNumber recipient = entry.getValue();
			if (!known.contains(recipient)) {
				failures.add(new FailedLine(line.line(), "UNKNOWN_RECIPIENT",
						"The enterprise " + recipient.formatted() + " is not in the enterprise registry"));
				continue;
			}
			try {
				var contents = contents(compiled, line);
				var attachments = new ArrayList<>(shared);
				personalDocument(template, line, named, attachments);
				String code = active.contains(recipient) ? null : Publisher.NO_DIGITAL_USER;
				if (code != null) {
					noDigitalUser++;
				}
				messages.add(new Message(MessageId.random(), recipient, type.organisation(), template.application(),
						type.id(), type.kind(), now, visible, expiry, template.dueDate(),
						template.acknowledgementRequired(), type.isProtected(), template.bodyMainContent(), false, false,
						null, contents, attachments, code));
			}
			catch (LineRefused ex) {
				failures.add(new FailedLine(line.line(), ex.code, ex.getMessage()));
			}
		}
		writer.insert(messages);
		// one event for the chunk: its listeners write one batch, not one statement per message
		events.publishEvent(new MessagesPublished(messages.stream()
			.map(m -> new MessagePublished(m.id(), m.recipient(), m.messageType(), m.isProtected(), m.visibleFrom()))
			.toList()));
		jobs.insertFailures(job.id(), failures);
		if (jobs.chunkDone(chunk, messages.size(), failures.size(), noDigitalUser, now)) {
			var status = jobs.status(job.application(), job.id()).orElseThrow();
			audit.record(AuditEvent.of(job.actor(), "BULK_PUBLICATION_DONE", null, "job " + job.id() + ", "
					+ status.total() + " lines: " + status.done() + " published (" + status.noDigitalUser()
					+ " to e-Boxes not activated), " + status.failed() + " failed"));
		}
	}

	private List<RecipientLine> parse(BulkJobs.Job job, String text, List<FailedLine> failures) {
		List<String> header = job.format() == Format.CSV ? List.of(job.csvHeader().split(",", -1)) : null;
		var lines = new ArrayList<RecipientLine>();
		for (String row : text.split("\n")) {
			int tab = row.indexOf('\t');
			long number = Long.parseLong(row, 0, tab, 10);
			String line = row.substring(tab + 1);
			try {
				lines.add(header == null ? RecipientLine.ndjson(number, line, json)
						: RecipientLine.csv(number, line, header));
			}
			catch (RecipientLine.Malformed ex) {
				failures.add(new FailedLine(number, "MALFORMED_LINE", ex.getMessage()));
			}
		}
		return lines;
	}

	private static Set<String> documentNames(List<RecipientLine> lines) {
		var names = new HashSet<String>();
		for (var line : lines) {
			if (line.documentName() != null && line.inlineDocument() == null) {
				names.add(line.documentName());
			}
		}
		return names;
	}

	private static List<Message.Attachment> sharedAttachments(Template template) {
		var attachments = new ArrayList<Message.Attachment>();
		for (var d : template.documents()) {
			int position = attachments.size() + 1;
			attachments.add(new Message.Attachment(position, "upfile" + position, d.fileName(), d.blob().mediaType(),
					d.blob().size(), d.blob().sha256(), d.mainContent(), false, d.titles()));
		}
		return List.copyOf(attachments);
	}

	/** A content of the template with its subject and body split once for the chunk's lines. */
	private record CompiledContent(String language, Placeholders.Compiled subject, Placeholders.Compiled body) {
	}

	private static List<CompiledContent> compile(Template template) {
		return template.contents()
			.values()
			.stream()
			.map(c -> new CompiledContent(c.language(), Placeholders.Compiled.of(c.subject()),
					Placeholders.Compiled.of(c.body())))
			.toList();
	}

	private static Map<String, Message.Content> contents(List<CompiledContent> template, RecipientLine line) {
		var contents = new LinkedHashMap<String, Message.Content>();
		try {
			for (var content : template) {
				String subject = blankToNull(content.subject().fill(line.variables()));
				String body = blankToNull(content.body().fill(line.variables()));
				if (subject != null && subject.length() > Publisher.MAX_SUBJECT) {
					throw new LineRefused("SUBJECT_TOO_LONG", "The subject in " + content.language()
							+ " is longer than " + Publisher.MAX_SUBJECT + " characters with this line's values");
				}
				if (subject != null || body != null) {
					contents.put(content.language(), new Message.Content(content.language(), subject, body));
				}
			}
		}
		catch (Placeholders.MissingVariable ex) {
			throw new LineRefused("MISSING_VARIABLE", ex.getMessage());
		}
		return contents;
	}

	private void personalDocument(Template template, RecipientLine line, Map<String, StoredBlob> named,
			List<Message.Attachment> attachments) {
		if (line.documentName() == null) {
			if (template.personalDocument() != null && template.personalDocument().mainContent()) {
				throw new LineRefused("MISSING_DOCUMENT", "The template's main content is a personal document; "
						+ "this line has none");
			}
			return;
		}
		if (template.personalDocument() == null) {
			throw new LineRefused("INVALID_DATA", "This line has a document but the template has no personalDocument");
		}
		String fileName = line.documentName();
		if (fileName.length() > PublicationParts.MAX_FILE_NAME) {
			throw new LineRefused("FILE_NAME_TOO_LONG",
					"The document's file name is longer than " + PublicationParts.MAX_FILE_NAME + " characters");
		}
		StoredBlob blob;
		String mediaType;
		if (line.inlineDocument() != null) {
			try {
				mediaType = MediaTypes.requireAllowed(MediaTypes.CONTRACT_ATTACHMENT_TYPES,
						new ByteArrayInputStream(line.inlineDocument()), fileName);
			}
			catch (UnsupportedMediaTypeException ex) {
				throw new LineRefused("UNSUPPORTED_MEDIA_TYPE", "The document " + fileName + " is " + ex.detected()
						+ " by its content, which is not accepted or not what its name says");
			}
			blob = blobs.store(new ByteArrayInputStream(line.inlineDocument()));
		}
		else {
			blob = named.get(fileName);
			if (blob == null) {
				throw new LineRefused("MISSING_DOCUMENT",
						"No document " + fileName + " was uploaded with the job (personalDocuments ZIP)");
			}
			mediaType = blob.mediaType();
		}
		int position = attachments.size() + 1;
		attachments.add(new Message.Attachment(position, "upfile" + position, fileName, mediaType, blob.size(),
				blob.sha256(), template.personalDocument().mainContent(), false, template.personalDocument().titles()));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	/** A line that breaks a rule; it fails alone. */
	private static final class LineRefused extends RuntimeException {

		final String code;

		LineRefused(String code, String message) {
			super(message, null, false, false);
			this.code = code;
		}
	}
}
