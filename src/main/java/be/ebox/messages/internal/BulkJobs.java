package be.ebox.messages.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import be.ebox.documents.StoredBlob;
import be.ebox.messages.BulkPublications;
import be.ebox.messages.BulkPublications.FailedLine;
import be.ebox.messages.BulkPublications.JobId;
import be.ebox.messages.BulkPublications.State;
import be.ebox.messages.BulkPublications.Status;
import be.ebox.senders.SenderApplicationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of bulk publication: {@code bulk_publication} and its chunks, failures and personal documents. */
@Repository
class BulkJobs {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	BulkJobs(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** A job as the workers need it. */
	record Job(JobId id, SenderApplicationId application, String template, BulkPublications.Format format,
			String csvHeader, String actor) {
	}

	/** A chunk locked by the current transaction. */
	record Chunk(JobId job, int seq, String lines) {
	}

	void insertJob(JobId id, SenderApplicationId application, String template, BulkPublications.Format format,
			String csvHeader, String actor, Instant startedAt) {
		jdbc.sql("""
				INSERT INTO bulk_publication (id, sender_application, template, format, csv_header, actor, state,
					started_at, total, chunk_count, chunks_done, done, failed, no_digital_user)
				VALUES (?, ?, ?, ?, ?, ?, 'RUNNING', ?, 0, 0, 0, 0, 0, 0)""")
			.params(id.value(), application.value(), template, format.name(), csvHeader, actor, time(startedAt))
			.update();
	}

	void csvHeader(JobId id, String header) {
		jdbc.sql("UPDATE bulk_publication SET csv_header = ? WHERE id = ?").params(header, id.value()).update();
	}

	void insertChunk(JobId id, int seq, long firstLine, String lines) {
		jdbc.sql("INSERT INTO bulk_publication_chunk (job_id, seq, first_line, lines, pending) VALUES (?, ?, ?, ?, TRUE)")
			.params(id.value(), seq, firstLine, lines)
			.update();
	}

	void insertDocuments(JobId id, Map<String, StoredBlob> documents) {
		template.batchUpdate("""
				INSERT INTO bulk_publication_document (job_id, file_name, blob_sha256, media_type, size)
				VALUES (?, ?, ?, ?, ?)""", documents.entrySet().stream()
			.map(e -> new Object[] { id.value(), e.getKey(), e.getValue().sha256(), e.getValue().mediaType(),
					e.getValue().size() })
			.toList());
	}

	/** Totals known once the file is read; a job without chunks is done at once. */
	void queued(JobId id, long total, int chunks, long failedAtUpload, Instant now) {
		jdbc.sql("""
				UPDATE bulk_publication SET total = ?, chunk_count = ?, failed = ?,
					state = CASE WHEN ? = 0 THEN 'DONE' ELSE 'RUNNING' END,
					finished_at = CASE WHEN ? = 0 THEN ? ELSE NULL END
				WHERE id = ?""")
			.params(total, chunks, failedAtUpload, chunks, chunks, time(now), id.value())
			.update();
	}

	void insertFailures(JobId id, List<FailedLine> failures) {
		if (failures.isEmpty()) {
			return;
		}
		template.batchUpdate("INSERT INTO bulk_publication_failure (job_id, line, code, reason) VALUES (?, ?, ?, ?)",
				failures.stream().map(f -> new Object[] { id.value(), f.line(), f.code(), truncate(f.reason()) }).toList());
	}

	/**
	 * Locks the next pending chunk for the current transaction, skipping those other transactions hold: two workers,
	 * on one instance or several, never get the same chunk; a crashed worker's lock ends with its connection.
	 */
	Optional<Chunk> lockNextChunk() {
		return jdbc.sql("""
				SELECT job_id, seq, lines FROM bulk_publication_chunk WHERE pending = TRUE
				ORDER BY job_id, seq LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.query((rs, row) -> new Chunk(new JobId(rs.getObject("job_id", UUID.class)), rs.getInt("seq"),
					rs.getString("lines")))
			.optional();
	}

	Job job(JobId id) {
		return jdbc.sql("SELECT * FROM bulk_publication WHERE id = ?")
			.param(id.value())
			.query((rs, row) -> new Job(id, new SenderApplicationId(rs.getString("sender_application")),
					rs.getString("template"), BulkPublications.Format.valueOf(rs.getString("format")),
					rs.getString("csv_header"), rs.getString("actor")))
			.single();
	}

	Map<String, StoredBlob> documents(JobId id, Collection<String> names) {
		var found = new HashMap<String, StoredBlob>();
		if (names.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT file_name, blob_sha256, media_type, size FROM bulk_publication_document
				WHERE job_id = :job AND file_name IN (:names)""")
			.param("job", id.value())
			.param("names", names)
			.query(rs -> {
				found.put(rs.getString("file_name"), new StoredBlob(rs.getString("blob_sha256"), rs.getLong("size"),
						rs.getString("media_type")));
			});
		return found;
	}

	/**
	 * Marks the chunk done and adds its counts to the job, in the chunk's transaction.
	 * @return true when this was the job's last chunk (the job is then DONE)
	 */
	boolean chunkDone(Chunk chunk, long done, long failed, long noDigitalUser, Instant now) {
		jdbc.sql("UPDATE bulk_publication_chunk SET pending = FALSE, lines = NULL WHERE job_id = ? AND seq = ?")
			.params(chunk.job().value(), chunk.seq())
			.update();
		jdbc.sql("""
				UPDATE bulk_publication SET done = done + ?, failed = failed + ?, no_digital_user = no_digital_user + ?,
					chunks_done = chunks_done + 1,
					state = CASE WHEN chunks_done + 1 = chunk_count THEN 'DONE' ELSE state END,
					finished_at = CASE WHEN chunks_done + 1 = chunk_count THEN ? ELSE finished_at END
				WHERE id = ?""")
			.params(done, failed, noDigitalUser, time(now), chunk.job().value())
			.update();
		return jdbc.sql("SELECT state FROM bulk_publication WHERE id = ?")
			.param(chunk.job().value())
			.query(String.class)
			.single()
			.equals(State.DONE.name());
	}

	Optional<Status> status(SenderApplicationId application, JobId id) {
		return jdbc.sql("SELECT * FROM bulk_publication WHERE id = ? AND sender_application = ?")
			.params(id.value(), application.value())
			.query((rs, row) -> status(id, rs))
			.optional();
	}

	List<Status> recent(SenderApplicationId application, int limit) {
		return jdbc.sql("""
				SELECT * FROM bulk_publication WHERE sender_application = ? ORDER BY started_at DESC, id LIMIT ?""")
			.params(application.value(), limit)
			.query((rs, row) -> status(new JobId(rs.getObject("id", UUID.class)), rs, false))
			.list();
	}

	private Status status(JobId id, ResultSet rs) throws SQLException {
		return status(id, rs, true);
	}

	private Status status(JobId id, ResultSet rs, boolean withFailures) throws SQLException {
		List<FailedLine> failures = new ArrayList<>();
		if (withFailures && rs.getLong("failed") > 0) {
			failures = jdbc.sql("""
					SELECT line, code, reason FROM bulk_publication_failure WHERE job_id = ?
					ORDER BY line LIMIT """ + " " + Status.MAX_FAILED_LINES)
				.param(id.value())
				.query((r, row) -> new FailedLine(r.getLong("line"), r.getString("code"), r.getString("reason")))
				.list();
		}
		return new Status(id, State.valueOf(rs.getString("state")), rs.getLong("total"), rs.getLong("done"),
				rs.getLong("failed"), rs.getLong("no_digital_user"), instant(rs.getObject("started_at", OffsetDateTime.class)),
				instant(rs.getObject("finished_at", OffsetDateTime.class)), failures);
	}

	private static String truncate(String reason) {
		return reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
	}

	static OffsetDateTime time(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}
}
