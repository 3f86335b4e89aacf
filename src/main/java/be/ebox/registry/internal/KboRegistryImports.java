package be.ebox.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;

import be.ebox.registry.ImportStatus;
import be.ebox.registry.RegistryImportEvent;
import be.ebox.registry.RegistryImports;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/** Starts and runs imports; the state of each lives in {@code registry_import}, so every instance can show it. */
@Service
class KboRegistryImports implements RegistryImports {

	static final String SAMPLE_FOLDER = "kbo-sample/";

	private static final List<String> SAMPLE_FILES = List.of("meta.csv", "enterprise.csv", "establishment.csv",
			"denomination.csv", "address.csv");

	/** Errors shown per import in lists; {@link #status} returns all stored ones. */
	private static final int ERRORS_IN_LISTS = 20;

	private final KboImporter importer;

	private final ImportJournal journal;

	/** Start and end go to the audit trail through events (see {@link RegistryImportEvent}). */
	private final ApplicationEventPublisher events;

	private final TaskExecutor executor;

	KboRegistryImports(KboImporter importer, ImportJournal journal, ApplicationEventPublisher events,
			@Qualifier("registryImportExecutor") TaskExecutor executor) {
		this.importer = importer;
		this.journal = journal;
		this.events = events;
		this.executor = executor;
	}

	@Override
	public long start(Path folderOrZip, String requestedBy) {
		return start(folderOrZip, label(folderOrZip), requestedBy, false);
	}

	/** Starts an import of {@code folderOrZip} shown as {@code source}; deletes the file afterwards when asked. */
	long start(Path folderOrZip, String source, String requestedBy, boolean deleteWhenDone) {
		long id = begin(source, requestedBy);
		try {
			executor.execute(() -> {
				try {
					complete(id, folderOrZip, requestedBy);
				}
				finally {
					if (deleteWhenDone) {
						deleteQuietly(folderOrZip);
					}
				}
			});
		}
		catch (RejectedExecutionException ex) {
			journal.fail(id, "too many imports waiting; try again later");
			end(id, requestedBy);
			if (deleteWhenDone) {
				deleteQuietly(folderOrZip);
			}
		}
		return id;
	}

	@Override
	public ImportStatus run(Path folderOrZip, String requestedBy) {
		long id = begin(label(folderOrZip), requestedBy);
		return complete(id, folderOrZip, requestedBy);
	}

	@Override
	public ImportStatus importSample(String requestedBy) {
		Path folder = null;
		try {
			folder = Files.createTempDirectory("kbo-sample");
			for (String name : SAMPLE_FILES) {
				try (InputStream in = new ClassPathResource(SAMPLE_FOLDER + name).getInputStream()) {
					Files.copy(in, folder.resolve(name));
				}
			}
			long id = begin("sample extract", requestedBy);
			return complete(id, folder, requestedBy);
		}
		catch (IOException ex) {
			throw new IllegalStateException("the bundled sample extract cannot be read", ex);
		}
		finally {
			if (folder != null) {
				deleteQuietly(folder);
			}
		}
	}

	@Override
	public Optional<ImportStatus> status(long importId) {
		return journal.status(importId, ImportJournal.STORED_ERRORS);
	}

	/** The import's progress without its error list (cheap enough to poll). */
	Optional<ImportStatus> progress(long importId) {
		return journal.status(importId, 0);
	}

	@Override
	public List<ImportStatus> recent(int limit) {
		return journal.recent(limit, ERRORS_IN_LISTS);
	}

	private long begin(String source, String requestedBy) {
		long id = journal.create(source, requestedBy);
		events.publishEvent(RegistryImportEvent.started(id, requestedBy, source));
		return id;
	}

	private ImportStatus complete(long id, Path folderOrZip, String requestedBy) {
		importer.run(id, folderOrZip);
		return end(id, requestedBy);
	}

	private ImportStatus end(long id, String requestedBy) {
		ImportStatus status = journal.status(id, ImportJournal.STORED_ERRORS).orElseThrow();
		events.publishEvent(RegistryImportEvent.ended(requestedBy, status));
		return status;
	}

	/** Only the file name is shown and stored, never the server's folder layout. */
	private static String label(Path folderOrZip) {
		Path name = folderOrZip.toAbsolutePath().normalize().getFileName();
		return name == null ? folderOrZip.toString() : name.toString();
	}

	private static void deleteQuietly(Path path) {
		try (Stream<Path> walk = Files.walk(path)) {
			walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a temp file left behind is harmless; the next upload uses another name
		}
	}
}
