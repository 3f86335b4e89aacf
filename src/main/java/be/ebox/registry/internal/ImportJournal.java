package be.ebox.registry.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import be.ebox.registry.ImportStatus;
import be.ebox.registry.ImportStatus.ImportError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The {@code registry_import} rows: state, progress and the first malformed lines of every import. */
@Component
class ImportJournal {

	/** Errors kept per import; all of them are counted. */
	static final int STORED_ERRORS = 1000;

	private final JdbcClient jdbc;

	private final Clock clock;

	ImportJournal(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	long create(String source, String requestedBy) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO registry_import (source, requested_by, state, started_at) VALUES (?, ?, 'RUNNING', ?)")
			.params(cut(source, 300), cut(requestedBy, 200), now())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void describe(long id, String files, long totalBytes) {
		jdbc.sql("UPDATE registry_import SET files = ?, total_bytes = ? WHERE id = ?")
			.params(cut(files, 300), totalBytes, id)
			.update();
	}

	/**
	 * Runs in the batch's own transaction, so the counts always match what is committed. Batches may commit out of
	 * order (parallel writers): the reader's running totals only ever grow, the imported rows are added.
	 *
	 * @param counts the reader's totals when the batch was cut, and the rows of this batch as {@code rowsImported}
	 */
	void progress(Connection connection, long id, Counts counts, LocalDate snapshotDate, List<ImportError> newErrors,
			long firstErrorSeq) throws SQLException {
		try (var update = connection.prepareStatement("""
				UPDATE registry_import SET bytes_read = GREATEST(bytes_read, ?), rows_read = GREATEST(rows_read, ?),
				rows_imported = rows_imported + ?, error_count = GREATEST(error_count, ?),
				snapshot_date = COALESCE(?, snapshot_date) WHERE id = ?""")) {
			update.setLong(1, counts.bytesRead());
			update.setLong(2, counts.rowsRead());
			update.setLong(3, counts.rowsImported());
			update.setLong(4, counts.errors());
			update.setObject(5, snapshotDate, java.sql.Types.DATE);
			update.setLong(6, id);
			update.executeUpdate();
		}
		if (newErrors.isEmpty()) {
			return;
		}
		try (var insert = connection.prepareStatement(
				"INSERT INTO registry_import_error (import_id, seq, file, line, reason) VALUES (?, ?, ?, ?, ?)")) {
			long seq = firstErrorSeq;
			for (ImportError error : newErrors) {
				insert.setLong(1, id);
				insert.setLong(2, seq++);
				insert.setString(3, cut(error.file(), 100));
				insert.setLong(4, error.line());
				insert.setString(5, cut(error.reason(), 500));
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	/**
	 * A key that occurred on {@code removed} more lines of {@code file} than once, found when the keys were built
	 * after a bulk load: those rows were dropped (the last line of each key kept), so they count as errors and not as
	 * imported rows. The lines are not known any more, hence line 0. {@code leftByAnother}: the rows came from an
	 * earlier load that died before building the keys; import {@code id} only reports them.
	 */
	void duplicates(long id, String file, long removed, boolean leftByAnother) {
		jdbc.sql("""
				UPDATE registry_import SET error_count = error_count + ?, rows_imported = rows_imported - ?
				WHERE id = ?""").params(removed, leftByAnother ? 0 : removed, id).update();
		jdbc.sql("""
				INSERT INTO registry_import_error (import_id, seq, file, line, reason)
				SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, 0, ? FROM registry_import_error WHERE import_id = ?""")
			.params(id, cut(file, 100), removed + " line(s) repeat the key of a later line; the last one was kept", id)
			.update();
	}

	void finish(long id) {
		jdbc.sql("UPDATE registry_import SET state = 'DONE', finished_at = ? WHERE id = ?").params(now(), id).update();
	}

	void fail(long id, String failure) {
		jdbc.sql("UPDATE registry_import SET state = 'FAILED', finished_at = ?, failure = ? WHERE id = ?")
			.params(now(), cut(failure == null ? "unknown failure" : failure, 1000), id)
			.update();
	}

	Optional<ImportStatus> status(long id, int errors) {
		return jdbc.sql("SELECT * FROM registry_import WHERE id = ?")
			.param(id)
			.query((rs, row) -> status(rs, errors))
			.optional();
	}

	List<ImportStatus> recent(int limit, int errorsEach) {
		return jdbc.sql("SELECT * FROM registry_import ORDER BY started_at DESC, id DESC LIMIT ?")
			.param(Math.max(1, Math.min(limit, 100)))
			.query((rs, row) -> status(rs, errorsEach))
			.list();
	}

	private ImportStatus status(ResultSet rs, int errors) throws SQLException {
		long id = rs.getLong("id");
		var finished = rs.getObject("finished_at", OffsetDateTime.class);
		return new ImportStatus(id, rs.getString("source"), ImportStatus.State.valueOf(rs.getString("state")),
				rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				finished == null ? null : finished.toInstant(), rs.getLong("bytes_read"), rs.getLong("total_bytes"),
				rs.getLong("rows_read"), rs.getLong("rows_imported"), rs.getLong("error_count"), errors(id, errors),
				rs.getString("failure"));
	}

	private List<ImportError> errors(long id, int limit) {
		if (limit <= 0) {
			return List.of();
		}
		return jdbc.sql("SELECT file, line, reason FROM registry_import_error WHERE import_id = ? ORDER BY seq LIMIT ?")
			.params(id, limit)
			.query((rs, row) -> new ImportError(rs.getString("file"), rs.getLong("line"), rs.getString("reason")))
			.list();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	/** Running totals of an import. */
	record Counts(long bytesRead, long rowsRead, long rowsImported, long errors) {
	}
}
