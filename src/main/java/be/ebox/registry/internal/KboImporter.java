package be.ebox.registry.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import be.ebox.registry.internal.KboBatchReader.Batch;
import be.ebox.registry.internal.KboRow.AddressRow;
import be.ebox.registry.internal.KboRow.DenominationRow;
import be.ebox.registry.internal.KboRow.EnterpriseRow;
import be.ebox.registry.internal.KboRow.EstablishmentRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs one import of the extract into the registry tables.
 * <p>
 * Nothing half-written: the files are streamed record by record and written in batches of {@code batchSize} valid
 * rows. Each batch — its rows, the progress counters in {@code registry_import} and its malformed lines — commits in
 * one transaction, so what the database holds is always whole batches and counts that match them. When an import
 * fails (I/O, database) the batches in flight roll back and the import is marked FAILED with the reason; the batches
 * committed stay, and they are valid data. Because every write is an upsert keyed on the KBO numbers (and
 * denominations/addresses of an entity are replaced, not appended), running the same extract again completes the data
 * without duplicates. Memory stays bounded by a few batches whatever the size of the files.
 * <p>
 * Bulk load (PostgreSQL, {@link RegistryStore#dropsKeys}): a table that is empty when the import begins is loaded
 * without its primary key and indexes, which are built once its file is completely committed ({@link KboKeyBuilder};
 * one sorted build costs far less than maintaining the b-trees row by row). Chosen over a staging table plus one
 * {@code INSERT ... SELECT DISTINCT ON} because that writes every row twice. What it means: (1) the keys come back
 * whatever happens — the build runs in a {@code finally}, and an import that finds keys missing (the process died
 * midway) builds them before writing anything; (2) a key that occurs twice in the files is no longer caught per batch
 * but by the build, which then deletes the earlier rows of that key and reports their number as errors; (3) the
 * application may read the registry meanwhile: the tables concerned were empty, so a reader finds nothing, then the
 * committed batches (by sequential scan until the keys exist); (4) imports run one at a time per instance (a single
 * executor thread); two imports started at once on two instances or from the command line are not guarded against
 * here, but each ends by building whatever keys are missing.
 */
@Component
class KboImporter {

	private static final Logger LOG = LoggerFactory.getLogger(KboImporter.class);

	private final DataSource dataSource;

	private final RegistryStore store;

	private final ImportJournal journal;

	private final int batchSize;

	/** Batches parsed ahead of the database; with the one being built and the one being written, memory holds 4. */
	private static final int QUEUED_BATCHES = 2;

	KboImporter(DataSource dataSource, RegistryStore store, ImportJournal journal,
			@Value("${ebox.registry.import-batch-size:10000}") int batchSize) {
		this.dataSource = dataSource;
		this.store = store;
		this.journal = journal;
		this.batchSize = Math.max(1, batchSize);
	}

	/** Imports {@code folderOrZip} under the journal row {@code importId}; ends with the row DONE or FAILED. */
	void run(long importId, Path folderOrZip) {
		try (KboSource source = KboSource.open(folderOrZip)) {
			var files = KboFile.IMPORT_ORDER.stream().filter(source.files()::contains).toList();
			if (files.stream().noneMatch(file -> file != KboFile.META)) {
				journal.fail(importId, "no enterprise.csv, establishment.csv, denomination.csv or address.csv found");
				return;
			}
			journal.describe(importId, files.stream().map(KboFile::fileName).collect(Collectors.joining(", ")),
					source.totalBytes());
			write(importId, source, files);
			journal.finish(importId);
		}
		catch (SQLException ex) {
			journal.fail(importId, "database: " + ex.getMessage());
		}
		catch (IOException ex) {
			journal.fail(importId, "cannot read the extract: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			journal.fail(importId, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	/**
	 * A reader thread parses ahead (at most {@link #QUEUED_BATCHES} batches) while {@link RegistryStore#writers()}
	 * writers, each on its own connection, write and commit whole batches; this thread is one of them. The first
	 * failure stops everyone.
	 */
	private void write(long importId, KboSource source, List<KboFile> files) throws SQLException, IOException {
		Empty empty;
		List<KboFile> unkeyed = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			List<KboFile> missing = store.missingKeys(connection);
			if (!missing.isEmpty()) {
				// an earlier load died before it could rebuild them: the upserts below need them
				new KboKeyBuilder(dataSource, store, journal, importId, missing).finish();
			}
			empty = new Empty(isEmpty(connection, "registry_enterprise"), isEmpty(connection, "registry_establishment"),
					isEmpty(connection, "registry_denomination"), isEmpty(connection, "registry_address"));
			if (store.dropsKeys()) {
				connection.setAutoCommit(false);
				try {
					for (KboFile file : files) {
						if (file != KboFile.META && empty.of(file)) {
							store.dropKeys(connection, file);
							unkeyed.add(file);
						}
					}
				}
				finally {
					connection.rollback();
					connection.setAutoCommit(true);
				}
			}
		}
		var keys = new KboKeyBuilder(dataSource, store, journal, importId, unkeyed);
		long start = System.nanoTime();
		try {
			keys.start();
			load(importId, source, files, empty, keys);
		}
		catch (SQLException | IOException | RuntimeException ex) {
			// the keys come back whatever happened; the load's failure is the one to report
			try {
				keys.finish();
			}
			catch (SQLException | RuntimeException keysFailure) {
				ex.addSuppressed(keysFailure);
			}
			throw ex;
		}
		long loaded = System.nanoTime();
		keys.finish();
		if (!unkeyed.isEmpty()) {
			LOG.info("registry import {}: rows of {} loaded without keys in {} ms, keys complete {} ms later", importId,
					unkeyed, (loaded - start) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
		}
	}

	private void load(long importId, KboSource source, List<KboFile> files, Empty empty, KboKeyBuilder keys)
			throws SQLException, IOException {
		BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
		var stop = new AtomicBoolean();
		var failure = new AtomicReference<Exception>();
		var reader = new KboBatchReader(source, batchSize, queue, stop::get);
		var readerThread = new Thread(() -> reader.readAll(files), "registry-import-reader-" + importId);
		readerThread.setDaemon(true);
		readerThread.start();
		Runnable writer = () -> {
			try {
				writeBatches(importId, queue, empty, stop, keys);
			}
			catch (SQLException | IOException | RuntimeException ex) {
				failure.compareAndSet(null, ex);
				stop.set(true);
			}
		};
		List<Thread> others = new ArrayList<>();
		for (int i = 1; i < store.writers(); i++) {
			var thread = new Thread(writer, "registry-import-writer-" + importId + "-" + i);
			thread.setDaemon(true);
			thread.start();
			others.add(thread);
		}
		try {
			writer.run();
			for (Thread thread : others) {
				thread.join();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure.compareAndSet(null, new IllegalStateException("interrupted", ex));
		}
		finally {
			stop.set(true);
		}
		Exception first = failure.get();
		if (first instanceof SQLException ex) {
			throw ex;
		}
		if (first instanceof IOException ex) {
			throw ex;
		}
		if (first instanceof RuntimeException ex) {
			throw ex;
		}
	}

	/** One writer: takes batches until the last one went through (by any writer) or something failed. */
	private void writeBatches(long importId, BlockingQueue<Batch> queue, Empty empty, AtomicBoolean stop,
			KboKeyBuilder keys)
			throws SQLException, IOException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				store.prepare(connection);
				while (!stop.get()) {
					Batch batch = poll(queue);
					if (batch == null) {
						continue;
					}
					if (batch.failure() instanceof IOException ex) {
						throw ex;
					}
					if (batch.failure() instanceof RuntimeException ex) {
						throw ex;
					}
					commit(connection, importId, batch, empty);
					keys.committed(batch);
					if (batch.end()) {
						stop.set(true);
					}
				}
			}
			catch (SQLException | IOException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				finish(connection);
			}
		}
	}

	/**
	 * Writes one batch and its progress in one transaction. Two writers upserting the same keys (an entity at the
	 * edge of two batches) may deadlock; the database then aborts one of them, which simply tries again.
	 */
	private void commit(Connection connection, long importId, Batch batch, Empty empty) throws SQLException {
		// a table loaded without its keys takes duplicates (the key build keeps the last); upserts cannot
		List<KboRow> rows = store.dropsKeys() && empty.of(batch.file()) ? batch.rows() : KboRows.lastPerKey(batch.rows());
		for (int attempt = 1;; attempt++) {
			try {
				if (!rows.isEmpty()) {
					store(connection, importId, batch.file(), rows, empty);
				}
				journal.progress(connection, importId, new ImportJournal.Counts(batch.bytesRead(), batch.rowsRead(),
						rows.size(), batch.errorCount()), batch.snapshotDate(), batch.errors(),
						batch.firstErrorSeq());
				connection.commit();
				return;
			}
			catch (SQLException ex) {
				boolean retry = attempt < 3 && ("40P01".equals(ex.getSQLState()) || "40001".equals(ex.getSQLState()));
				if (!retry) {
					throw ex;
				}
				connection.rollback();
			}
		}
	}

	/** Which tables were empty when this import began (a first full import: nothing to update or replace). */
	private record Empty(boolean enterprises, boolean establishments, boolean denominations, boolean addresses) {

		boolean of(KboFile file) {
			return switch (file) {
				case ENTERPRISE -> enterprises;
				case ESTABLISHMENT -> establishments;
				case DENOMINATION -> denominations;
				case ADDRESS -> addresses;
				case META -> false;
			};
		}
	}

	/** {@code table} is one of our constants. */
	private static boolean isEmpty(Connection connection, String table) throws SQLException {
		try (var query = connection.createStatement(); var result = query.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
			return !result.next();
		}
	}

	/** Gives the pooled connection back as it came; a broken connection must not hide the import's own failure. */
	private void finish(Connection connection) {
		try {
			store.finish(connection);
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			// the pool discards broken connections
		}
	}

	@SuppressWarnings("unchecked")
	private void store(Connection connection, long importId, KboFile file, List<? extends KboRow> rows, Empty empty)
			throws SQLException {
		switch (file) {
			case ENTERPRISE -> store.enterprises(connection, (List<EnterpriseRow>) rows, empty.enterprises());
			case ESTABLISHMENT -> store.establishments(connection, (List<EstablishmentRow>) rows, empty.establishments());
			case DENOMINATION -> store.denominations(connection, importId, (List<DenominationRow>) rows,
					empty.denominations());
			case ADDRESS -> store.addresses(connection, importId, (List<AddressRow>) rows, empty.addresses());
			case META -> throw new IllegalStateException("meta.csv has no rows to store");
		}
	}

	private static Batch poll(BlockingQueue<Batch> queue) {
		try {
			return queue.poll(200, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}
}
