package be.ebox.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Imports of the KBO/BCE open-data extract (a folder of CSV files or the zip). */
public interface RegistryImports {

	/** Starts an import in the background and returns at once; progress is kept in the database. */
	long start(Path folderOrZip, String requestedBy);

	/** Runs an import to its end in the calling thread (command line, benchmark, demo data). */
	ImportStatus run(Path folderOrZip, String requestedBy);

	/**
	 * Imports the small made-up extract bundled in the application ({@code kbo-sample/}, see its README) to its end,
	 * for demo data and tests. Idempotent like every import.
	 */
	ImportStatus importSample(String requestedBy);

	/** The import with its stored errors (the first 1 000 malformed lines). */
	Optional<ImportStatus> status(long importId);

	/** The latest imports, newest first. */
	List<ImportStatus> recent(int limit);
}
