package be.ebox.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import be.ebox.registry.ImportStatus.ImportError;
import be.ebox.registry.internal.KboRow.AddressRow;
import be.ebox.registry.internal.KboRow.DenominationRow;
import be.ebox.registry.internal.KboRow.EnterpriseRow;
import be.ebox.registry.internal.KboRow.EstablishmentRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs one import of the extract into the registry tables.
 * <p>
 * Nothing half-written: the files are streamed record by record and written in batches of {@code batchSize} valid
 * rows. Each batch — its rows, the progress counters in {@code registry_import} and its malformed lines — commits in
 * one transaction, so what the database holds is always whole batches and counts that match them. When an import
 * fails (I/O, database) the current batch rolls back and the import is marked FAILED with the reason; the batches
 * before it stay, and they are valid data. Because every write is an upsert keyed on the KBO numbers (and
 * denominations/addresses of an entity are replaced, not appended), running the same extract again completes the data
 * without duplicates. Memory stays bounded by one batch whatever the size of the files.
 */
@Component
class KboImporter {

	private final DataSource dataSource;

	private final RegistryStore store;

	private final ImportJournal journal;

	private final int batchSize;

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
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				try {
					store.prepare(connection);
					new Run(importId, source, connection).all(files);
				}
				catch (SQLException | IOException | RuntimeException ex) {
					connection.rollback();
					throw ex;
				}
				finally {
					connection.setAutoCommit(true);
				}
			}
			journal.finish(importId);
		}
		catch (StoreFailure ex) {
			journal.fail(importId, "database: " + ex.getCause().getMessage());
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

	/** The state of one import while it streams; lives on one thread. */
	private final class Run implements KboCsvReader.Sink {

		private final long importId;

		private final KboSource source;

		private final Connection connection;

		private final KboSource.ByteCounter bytes = new KboSource.ByteCounter();

		private final Map<Object, KboRow> batch = new LinkedHashMap<>();

		private final List<ImportError> newErrors = new ArrayList<>();

		private KboFile file;

		private LocalDate snapshotDate;

		private long rowsRead;

		private long rowsImported;

		private long errors;

		private long storedErrors;

		Run(long importId, KboSource source, Connection connection) {
			this.importId = importId;
			this.source = source;
			this.connection = connection;
		}

		void all(List<KboFile> files) throws IOException, SQLException {
			for (KboFile next : files) {
				file = next;
				try (InputStream in = source.open(next, bytes)) {
					KboCsvReader.read(next, next.fileName(), in, this);
				}
				flush();
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
			// a key seen twice in one batch: the later line wins, as it would across batches
			batch.put(key(row), row);
			if (batch.size() >= batchSize) {
				flushUnchecked();
			}
		}

		@Override
		public void error(String fileName, long line, String reason) {
			if (line > 1) {
				rowsRead++;
			}
			errors++;
			if (storedErrors < ImportJournal.STORED_ERRORS) {
				storedErrors++;
				newErrors.add(new ImportError(fileName, line, reason));
				if (newErrors.size() >= batchSize) {
					flushUnchecked();
				}
			}
		}

		private void flushUnchecked() {
			try {
				flush();
			}
			catch (SQLException ex) {
				throw new StoreFailure(ex);
			}
		}

		@SuppressWarnings("unchecked")
		private void flush() throws SQLException {
			if (!batch.isEmpty()) {
				var rows = batch.values();
				switch (file) {
					case ENTERPRISE -> store.enterprises(connection, (java.util.Collection<EnterpriseRow>) (Object) rows);
					case ESTABLISHMENT ->
						store.establishments(connection, (java.util.Collection<EstablishmentRow>) (Object) rows);
					case DENOMINATION ->
						store.denominations(connection, importId, (java.util.Collection<DenominationRow>) (Object) rows);
					case ADDRESS -> store.addresses(connection, importId, (java.util.Collection<AddressRow>) (Object) rows);
					case META -> throw new IllegalStateException("meta.csv has no rows to store");
				}
			}
			long imported = rowsImported + batch.size();
			journal.progress(connection, importId, new ImportJournal.Counts(bytes.count(), rowsRead, imported, errors),
					snapshotDate, newErrors, storedErrors - newErrors.size() + 1);
			connection.commit();
			rowsImported = imported;
			batch.clear();
			newErrors.clear();
		}

		private static Object key(KboRow row) {
			if (row instanceof EnterpriseRow r) {
				return r.enterpriseNumber();
			}
			if (row instanceof EstablishmentRow r) {
				return r.establishmentNumber();
			}
			if (row instanceof DenominationRow r) {
				return List.of(r.entityNumber(), r.typeOfDenomination(), r.language(), r.denomination());
			}
			if (row instanceof AddressRow r) {
				return List.of(r.entityNumber(), r.typeOfAddress());
			}
			return row;
		}
	}

	/** A database failure inside the streaming callback, unwrapped by {@link #run}. */
	private static final class StoreFailure extends RuntimeException {

		StoreFailure(SQLException cause) {
			super(cause);
		}
	}
}
