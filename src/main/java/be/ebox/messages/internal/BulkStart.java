package be.ebox.messages.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.documents.MediaTypes;
import be.ebox.messages.BulkPublications;
import be.ebox.messages.PublicationException;
import be.ebox.senders.MachineClaims;
import be.ebox.senders.MessageKind;
import be.ebox.senders.MessageType;
import be.ebox.senders.ReferenceData;
import be.ebox.senders.SenderApplicationId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts a bulk publication: checks the template under the rules of a single publication, then reads the recipients
 * file once, line by line, into chunks of the job (in one transaction, so workers see a job only whole). Nothing of
 * the file is held beyond one chunk. The lines themselves are checked by the workers: a bad line fails alone.
 */
@Service
class BulkStart implements BulkPublications {

	static final int MAX_DOCUMENTS = 6;

	private final SenderCheck senders;

	private final ReferenceData referenceData;

	private final BulkJobs jobs;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final int chunkLines;

	private final int maxLineChars;

	BulkStart(SenderCheck senders, ReferenceData referenceData, BulkJobs jobs, AuditTrail audit,
			TransactionTemplate transaction, JsonMapper json, Clock clock, ApplicationEventPublisher events,
			@Value("${ebox.bulk.chunk-lines:1000}") int chunkLines,
			@Value("${ebox.bulk.max-line-chars:16000000}") int maxLineChars) {
		this.senders = senders;
		this.referenceData = referenceData;
		this.jobs = jobs;
		this.audit = audit;
		this.transaction = transaction;
		this.json = json;
		this.clock = clock;
		this.events = events;
		this.chunkLines = chunkLines;
		this.maxLineChars = maxLineChars;
	}

	/** Tells this instance's workers that a job is waiting (others find it at their next poll). */
	record Queued(JobId id) {
	}

	@Override
	public JobId start(Request request) {
		var application = referenceData.findApplication(request.template().application())
			.orElseThrow(() -> new PublicationException(SenderCheck.INVALID_SENDER,
					"The sender application " + request.template().application().value() + " is not registered"));
		var claims = new MachineClaims(request.template().actor(), Optional.of(application.id()),
				Optional.of(application.organisation()), Optional.empty());
		try {
			return start(claims, request);
		}
		catch (PublicationRefused ex) {
			throw new PublicationException(ex.code(), ex.getMessage());
		}
	}

	/** Start on behalf of the caller of the API, whose token names the application. */
	JobId start(MachineClaims claims, Request request) {
		Template template = request.template();
		if (claims.application().isEmpty() || !claims.application().get().equals(template.application())) {
			throw PublicationRefused.invalid(SenderCheck.INVALID_SENDER,
					"The access token names no sender application, or another one than the template");
		}
		check(claims, template);
		JobId id = new JobId(UUID.randomUUID());
		String stored = json.writeValueAsString(template);
		transaction.executeWithoutResult(status -> {
			Instant now = clock.instant();
			jobs.insertJob(id, template.application(), stored, request.format(), null, template.actor(), now);
			jobs.insertDocuments(id, request.personalDocuments());
			Counts counts = readLines(id, request);
			jobs.queued(id, counts.total, counts.chunks, counts.failures, now);
			audit.record(AuditEvent.of(template.actor(), "BULK_PUBLICATION_STARTED", null,
					"job " + id + ", application " + template.application().value() + ", type " + template.type().value()
							+ ", " + counts.total + " lines"));
			events.publishEvent(new Queued(id));
		});
		return id;
	}

	@Override
	public Optional<Status> status(SenderApplicationId application, JobId id) {
		return jobs.status(application, id);
	}

	@Override
	public List<Status> recent(SenderApplicationId application, int limit) {
		if (limit < 1 || limit > 100) {
			throw new IllegalArgumentException("limit from 1 to 100");
		}
		return jobs.recent(application, limit);
	}

	/** The rules of a single publication that the template alone decides. */
	private MessageType check(MachineClaims claims, Template template) {
		var request = new MessageToPublish(null, null, null, null, null, null, null, template.type().value(), null,
				null, null, null, template.application().value(), null, null);
		MessageType type = senders.check(claims, request);
		if (template.contents().values().stream().allMatch(c -> c.subject() == null || c.subject().isBlank())) {
			throw PublicationRefused.invalid("INVALID_DATA", "The subject needs at least one language (nl, fr or de)");
		}
		for (var entry : template.contents().entrySet()) {
			if (!MessageToPublish.LANGUAGES.contains(entry.getKey())) {
				throw PublicationRefused.invalid("INVALID_DATA",
						"Contents are in nl, fr, de or en, not " + entry.getKey());
			}
		}
		boolean documentMain = template.documents().stream().anyMatch(d -> d.mainContent())
				|| template.personalDocument() != null && template.personalDocument().mainContent();
		if (template.bodyMainContent()
				&& template.contents().values().stream().allMatch(c -> c.body() == null || c.body().isBlank())) {
			throw PublicationRefused.invalid("INVALID_DATA", "bodyMainContent is true but there is no body");
		}
		if (!template.bodyMainContent() && !documentMain) {
			throw PublicationRefused.invalid("INVALID_DATA",
					"A message needs a main content: bodyMainContent true, or a document with mainContent true");
		}
		long mains = template.documents().stream().filter(d -> d.mainContent()).count()
				+ (template.personalDocument() != null && template.personalDocument().mainContent() ? 1 : 0);
		if (mains > 1 || template.bodyMainContent() && mains > 0) {
			throw PublicationRefused.invalid("INVALID_DATA", "A message has one main content, not several");
		}
		int documents = template.documents().size() + (template.personalDocument() == null ? 0 : 1);
		if (documents > MAX_DOCUMENTS) {
			throw PublicationRefused.invalid("INVALID_DATA",
					"A message carries at most " + MAX_DOCUMENTS + " documents (shared and personal together)");
		}
		for (var document : template.documents()) {
			if (document.fileName().isBlank() || document.fileName().length() > PublicationParts.MAX_FILE_NAME) {
				throw PublicationRefused.invalid("FILE_NAME_TOO_LONG",
						"A document's file name has 1 to " + PublicationParts.MAX_FILE_NAME + " characters");
			}
			if (!MediaTypes.CONTRACT_ATTACHMENT_TYPES.contains(document.blob().mediaType())) {
				throw PublicationRefused.invalid("UNSUPPORTED_MEDIA_TYPE", "The document " + document.fileName()
						+ " is " + document.blob().mediaType() + " by its content, which a message may not carry");
			}
		}
		if (template.visibleFrom() != null && template.visibleFrom().isBefore(clock.instant())) {
			throw PublicationRefused.invalid("INVALID_DATA", "visibleFrom must not be in the past");
		}
		if (template.dueDate() != null && type.kind() != MessageKind.TASK) {
			throw PublicationRefused.invalid("INVALID_DATA",
					"A due date is only possible for a message type of kind task; " + type.id().value() + " is not");
		}
		return type;
	}

	private static final class Counts {

		long total;

		int chunks;

		long failures;
	}

	/** Cuts the file into chunks of whole lines, each line kept as {@code number TAB text}. */
	private Counts readLines(JobId id, Request request) {
		var counts = new Counts();
		var chunk = new StringBuilder(64 * 1024);
		var failures = new ArrayList<FailedLine>();
		long firstLine = 0;
		int inChunk = 0;
		long number = 0;
		boolean csv = request.format() == Format.CSV;
		boolean headerSeen = !csv;
		try {
			var lines = new BoundedLines(new BufferedReader(
					new InputStreamReader(request.recipients(), StandardCharsets.UTF_8), 64 * 1024), maxLineChars);
			String line;
			while ((line = lines.next()) != null) {
				number++;
				if (line == BoundedLines.TOO_LONG) {
					if (!headerSeen) {
						throw PublicationRefused.invalid("INVALID_DATA", "The CSV header (first line) is too long");
					}
					counts.total++;
					failures.add(new FailedLine(number, "MALFORMED_LINE",
							"The line is longer than " + maxLineChars + " characters"));
					continue;
				}
				if (line.isBlank()) {
					continue;
				}
				if (!headerSeen) {
					try {
						var header = RecipientLine.csvHeader(line);
						jobs.csvHeader(id, String.join(",", header));
					}
					catch (RecipientLine.Malformed ex) {
						throw PublicationRefused.invalid("INVALID_DATA", ex.getMessage());
					}
					headerSeen = true;
					continue;
				}
				if (inChunk == 0) {
					firstLine = number;
				}
				chunk.append(number).append('\t').append(line).append('\n');
				counts.total++;
				inChunk++;
				if (inChunk >= chunkLines || chunk.length() >= 4_000_000) {
					jobs.insertChunk(id, counts.chunks++, firstLine, chunk.toString());
					chunk.setLength(0);
					inChunk = 0;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The recipients file could not be read", ex);
		}
		if (!headerSeen) {
			throw PublicationRefused.invalid("INVALID_DATA", "The CSV file is empty: it needs a header line");
		}
		if (inChunk > 0) {
			jobs.insertChunk(id, counts.chunks++, firstLine, chunk.toString());
		}
		jobs.insertFailures(id, failures);
		counts.failures = failures.size();
		return counts;
	}
}
