package be.ebox.messages;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;

/**
 * Bulk publication: one message template, personalised per recipient line, published asynchronously by the
 * instances' workers (any instance, each line exactly once, resumed after a crash). Used by
 * {@code POST /api/v1/publications} and by the sender console. Same rules as {@link Publications}; a line that breaks
 * one fails alone, with its reason in the {@link Status}.
 */
public interface BulkPublications {

	/**
	 * Checks the template, reads the recipients file to its end (streamed: never held whole in memory; the caller
	 * closes it) and queues the job; the workers publish it after this returns.
	 * @throws PublicationException when the template breaks a rule (nothing is queued then)
	 */
	JobId start(Request request);

	/** The progress of a job, only for the sender application that started it (another one: empty). */
	Optional<Status> status(SenderApplicationId application, JobId id);

	/** The latest jobs of a sender application, newest first, at most {@code limit} (1 to 100), without failed lines. */
	List<Status> recent(SenderApplicationId application, int limit);

	record JobId(UUID value) {

		public JobId {
			Objects.requireNonNull(value, "value");
		}

		public static Optional<JobId> parse(String text) {
			try {
				return Optional.of(new JobId(UUID.fromString(text)));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				return Optional.empty();
			}
		}

		@Override
		public String toString() {
			return value.toString();
		}
	}

	enum Format {
		/** a header line with {@code enterpriseNumber}, optionally {@code document}, other columns are variables */
		CSV,
		/** one JSON object per line: {@code enterpriseNumber}, {@code variables}, optionally {@code document} */
		NDJSON
	}

	/**
	 * A message template. Subjects and bodies may hold variables {@code {{name}}}, replaced per line by plain text
	 * (no expressions: a value is never interpreted).
	 * @param contents subject and body per language (nl, fr, de, en), with variables
	 * @param documents shared by every message (stored once whatever the number of recipients)
	 * @param personalDocument how a line's own document is attached (title, main content), null when lines have none
	 * @param actor who starts it, for the audit trail (a client id or a username)
	 */
	record Template(SenderApplicationId application, MessageTypeId type, Map<String, Message.Content> contents,
			boolean bodyMainContent, List<Publications.Document> documents, PersonalDocument personalDocument,
			Instant visibleFrom, LocalDate dueDate, boolean acknowledgementRequired, String actor) {

		public Template {
			Objects.requireNonNull(application, "application");
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(actor, "actor");
			contents = Map.copyOf(contents);
			documents = List.copyOf(documents);
		}
	}

	/** How the document of a line is attached to its message. */
	record PersonalDocument(boolean mainContent, Map<String, String> titles) {

		public PersonalDocument {
			titles = titles == null ? Map.of() : Map.copyOf(titles);
		}
	}

	/**
	 * @param recipients the recipients file in UTF-8
	 * @param personalDocuments documents named by the lines ({@code document} column or field), by file name, e.g.
	 * extracted from an uploaded ZIP; empty when the lines carry none or carry them inline (NDJSON base64)
	 */
	record Request(Template template, Format format, InputStream recipients,
			Map<String, be.ebox.documents.StoredBlob> personalDocuments) {

		public Request {
			Objects.requireNonNull(template, "template");
			Objects.requireNonNull(format, "format");
			Objects.requireNonNull(recipients, "recipients");
			personalDocuments = personalDocuments == null ? Map.of() : Map.copyOf(personalDocuments);
		}
	}

	enum State {
		/** waiting for a worker, or being published */
		RUNNING,
		/** every line published or failed */
		DONE
	}

	/**
	 * @param total lines with a recipient (blank lines and the CSV header not counted)
	 * @param done lines published (including those to an e-Box not activated: {@code noDigitalUser})
	 * @param failedLines the first failed lines (at most {@link #MAX_FAILED_LINES}), by line number
	 */
	record Status(JobId id, State state, long total, long done, long failed, long noDigitalUser, Instant startedAt,
			Instant finishedAt, List<FailedLine> failedLines) {

		public static final int MAX_FAILED_LINES = 1000;
	}

	/** @param line the line number in the recipients file (the first line is 1) */
	record FailedLine(long line, String code, String reason) {
	}
}
