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

	Optional<ImportStatus> status(long importId);

	/** The latest imports, newest first. */
	List<ImportStatus> recent(int limit);
}
