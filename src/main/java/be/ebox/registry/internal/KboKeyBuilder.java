package be.ebox.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import be.ebox.registry.internal.KboBatchReader.Batch;

/**
 * Builds the keys of the tables an import loads without them ({@link RegistryStore#dropKeys}): each table's as soon
 * as every batch of its file is committed, on a connection of its own, so that the sort overlaps with the load of the
 * next files (the load leaves part of the two cores idle); whatever is left, at the end, two tables side by side.
 * {@link #finish} runs whatever happened to the import, and is idempotent: a table whose keys exist is skipped.
 */
final class KboKeyBuilder {

	private final DataSource dataSource;

	private final RegistryStore store;

	private final ImportJournal journal;

	private final long importId;

	private final List<KboFile> tables;

	private final Map<KboFile, AtomicInteger> committed = new EnumMap<>(KboFile.class);

	private final Map<KboFile, AtomicInteger> batches = new EnumMap<>(KboFile.class);

	private final LinkedBlockingQueue<KboFile> ready = new LinkedBlockingQueue<>();

	private Thread early;

	KboKeyBuilder(DataSource dataSource, RegistryStore store, ImportJournal journal, long importId,
			List<KboFile> tables) {
		this.dataSource = dataSource;
		this.store = store;
		this.journal = journal;
		this.importId = importId;
		this.tables = List.copyOf(tables);
		for (KboFile file : tables) {
			committed.put(file, new AtomicInteger());
			batches.put(file, new AtomicInteger());
		}
	}

	/**
	 * Starts the thread that builds keys during the load (nothing when no table lost its keys). Not called when the
	 * builder only restores the keys an earlier, interrupted load left missing.
	 */
	void start() {
		if (tables.isEmpty()) {
			return;
		}
		early = new Thread(() -> {
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				try {
					for (KboFile file = ready.take(); file != KboFile.META; file = ready.take()) {
						build(connection, file);
					}
				}
				finally {
					connection.rollback();
					connection.setAutoCommit(true);
				}
			}
			catch (SQLException | RuntimeException ex) {
				// left to finish(), which builds what is missing and reports the failure
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "registry-import-keys-" + importId);
		early.setDaemon(true);
		early.start();
	}

	/**
	 * Called by a writer after {@code batch} committed. The writer of a file's last batch records how many batches
	 * the file had before counting its own, so whichever writer commits the file's final batch sees the total.
	 */
	void committed(Batch batch) {
		AtomicInteger count = committed.get(batch.file());
		if (early == null || count == null || batch.fileBatch() == 0) {
			return;
		}
		if (batch.lastOfFile()) {
			batches.get(batch.file()).set(batch.fileBatch());
		}
		if (count.incrementAndGet() == batches.get(batch.file()).get()) {
			ready.add(batch.file());
		}
	}

	/**
	 * Waits for the early builds, then builds the keys still missing, two tables side by side on two connections
	 * (largest first). Duplicate keys found on the way are reported as errors of the import.
	 */
	void finish() throws SQLException {
		if (tables.isEmpty()) {
			return;
		}
		try {
			if (early != null) {
				ready.add(KboFile.META);
				early.join();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("interrupted while building the registry keys", ex);
		}
		List<KboFile> largestFirst = new ArrayList<>(tables);
		largestFirst.sort(Comparator.comparing(KboFile::ordinal).reversed());
		var next = new ConcurrentLinkedQueue<>(largestFirst);
		var failure = new AtomicReference<SQLException>();
		Runnable builder = () -> {
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				try {
					for (KboFile file = next.poll(); file != null && failure.get() == null; file = next.poll()) {
						build(connection, file);
					}
				}
				finally {
					connection.rollback();
					connection.setAutoCommit(true);
				}
			}
			catch (SQLException ex) {
				failure.compareAndSet(null, ex);
			}
		};
		var other = new Thread(builder, "registry-import-keys-" + importId + "-2");
		other.setDaemon(true);
		other.start();
		builder.run();
		try {
			other.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("interrupted while building the registry keys", ex);
		}
		if (failure.get() != null) {
			throw failure.get();
		}
	}

	private void build(Connection connection, KboFile file) throws SQLException {
		long removed = store.restoreKeys(connection, file);
		if (removed > 0) {
			journal.duplicates(importId, file.fileName(), removed, early == null);
		}
	}
}
