package be.ebox.registry;

import java.time.Instant;
import java.util.List;

/**
 * Where an import stands. {@code bytesRead}/{@code totalBytes} drive the progress bar; {@code errors} holds the
 * first malformed lines (file, line number, reason), {@code errorCount} all of them.
 */
public record ImportStatus(long id, String source, State state, Instant startedAt, Instant finishedAt, long bytesRead,
		long totalBytes, long rowsRead, long rowsImported, long errorCount, List<ImportError> errors, String failure) {

	public enum State { RUNNING, DONE, FAILED }

	public record ImportError(String file, long line, String reason) {
	}

	public int percent() {
		if (state == State.DONE) {
			return 100;
		}
		return totalBytes <= 0 ? 0 : (int) Math.min(99, bytesRead * 100 / totalBytes);
	}
}
