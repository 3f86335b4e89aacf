package be.ebox.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import be.ebox.registry.ImportStatus.ImportError;

/**
 * The producer half of an import: streams the files and cuts them into {@link Batch}es of at most {@code batchSize}
 * valid rows (one file per batch), handed over through a small bounded queue so that parsing overlaps with the
 * database work while memory stays at a few batches.
 */
final class KboBatchReader implements KboCsvReader.Sink {

	/**
	 * A unit of work for the writer; the counts are the running totals of the reader when the batch was cut.
	 * {@code end} marks the last batch; {@code failure} a reader that could not go on. {@code fileBatch} numbers the
	 * batches of one file from 1 (0 for the end or failure batch, which belong to no file); {@code lastOfFile} marks
	 * the file's last batch, so that a writer can tell when all of a file is committed.
	 */
	record Batch(KboFile file, List<KboRow> rows, List<ImportError> errors, long firstErrorSeq, long bytesRead,
			long rowsRead, long errorCount, LocalDate snapshotDate, boolean end, Exception failure, int fileBatch,
			boolean lastOfFile) {
	}

	/** Thrown inside the parser's callback when the writer gave up; ends the reading quietly. */
	static final class Cancelled extends RuntimeException {

		Cancelled() {
			super("cancelled", null, false, false);
		}
	}

	private final KboSource source;

	private final int batchSize;

	private final BlockingQueue<Batch> queue;

	private final BooleanSupplier cancelled;

	private final KboSource.ByteCounter bytes = new KboSource.ByteCounter();

	// keys seen twice are left to the writer (KboRows.lastPerKey), which alone knows whether its path needs them
	// distinct: the bulk load of an empty table does not, and hashing every row was a tenth of the reader's CPU
	private List<KboRow> rows;

	private List<ImportError> errors = new ArrayList<>();

	private KboFile file;

	private int fileBatches;

	private LocalDate snapshotDate;

	private long rowsRead;

	private long errorCount;

	private long storedErrors;

	KboBatchReader(KboSource source, int batchSize, BlockingQueue<Batch> queue, BooleanSupplier cancelled) {
		this.source = source;
		this.batchSize = batchSize;
		this.queue = queue;
		this.cancelled = cancelled;
		this.rows = new ArrayList<>(batchSize);
	}

	/** Reads all {@code files} in order; always ends with an end or failure batch unless cancelled. */
	void readAll(List<KboFile> files) {
		try {
			for (KboFile next : files) {
				file = next;
				fileBatches = 0;
				try (InputStream in = source.open(next, bytes)) {
					KboCsvReader.read(next, next.fileName(), in, this);
				}
				cut(false, true);
			}
			cut(true, false);
		}
		catch (Cancelled ex) {
			// the writer stopped; nobody waits for more batches
		}
		catch (IOException | RuntimeException ex) {
			hand(new Batch(file, List.of(), List.of(), 0, bytes.count(), rowsRead, errorCount, snapshotDate, true, ex, 0,
					false));
		}
	}

	@Override
	public void row(KboRow row) {
		if (row instanceof KboRow.Meta meta) {
			if ("SnapshotDate".equalsIgnoreCase(meta.variable())) {
				try {
					snapshotDate = KboFields.date(meta.value(), "SnapshotDate");
				}
				catch (MalformedLineException ex) {
					error(file.fileName(), 0, ex.getMessage());
				}
			}
			return;
		}
		rowsRead++;
		rows.add(row);
		if (rows.size() >= batchSize) {
			cut(false, false);
		}
	}

	@Override
	public void error(String fileName, long line, String reason) {
		if (line > 1) {
			rowsRead++;
		}
		errorCount++;
		if (storedErrors < ImportJournal.STORED_ERRORS) {
			storedErrors++;
			errors.add(new ImportError(fileName, line, reason));
		}
	}

	private void cut(boolean end, boolean lastOfFile) {
		var batch = new Batch(file, rows, errors, storedErrors - errors.size() + 1,
				bytes.count(), rowsRead, errorCount, snapshotDate, end, null, end ? 0 : ++fileBatches, lastOfFile);
		rows = new ArrayList<>(batchSize);
		errors = new ArrayList<>();
		hand(batch);
	}

	private void hand(Batch batch) {
		try {
			while (!queue.offer(batch, 200, TimeUnit.MILLISECONDS)) {
				if (cancelled.getAsBoolean()) {
					throw new Cancelled();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Cancelled();
		}
	}
}
