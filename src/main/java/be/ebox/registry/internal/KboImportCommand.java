package be.ebox.registry.internal;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import be.ebox.registry.ImportStatus;
import be.ebox.registry.RegistryImports;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar ebox.jar --import-kbo=<folder-or-zip>}: imports the extract into the configured database, prints a
 * summary and exits (0 when the import is DONE, 1 when it FAILED, 2 on a usage error). Without the option it does
 * nothing and the application runs as usual.
 */
@Component
class KboImportCommand implements ApplicationRunner {

	static final String OPTION = "import-kbo";

	private static final int ERRORS_SHOWN = 20;

	private final RegistryImports imports;

	private final ApplicationContext context;

	KboImportCommand(RegistryImports imports, ApplicationContext context) {
		this.imports = imports;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption(OPTION)) {
			return;
		}
		int code = execute(args, System.out);
		System.exit(SpringApplication.exit(context, () -> code));
	}

	/** Runs the import the arguments ask for, prints the summary to {@code out}; returns the exit code. */
	int execute(ApplicationArguments args, PrintStream out) {
		List<String> values = args.getOptionValues(OPTION);
		if (values == null || values.size() != 1 || values.get(0).isBlank()) {
			out.println("usage: --import-kbo=<folder-or-zip of the KBO/BCE open-data extract>");
			return 2;
		}
		Path source = Path.of(values.get(0).strip());
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
		long started = System.nanoTime();
		ImportStatus status = imports.run(source, "command-line");
		Duration wall = Duration.ofNanos(System.nanoTime() - started);
		print(status, wall, out);
		return status.state() == ImportStatus.State.DONE ? 0 : 1;
	}

	/**
	 * One "key: value" per line after a title line, stable for scripts (the benchmark reads them); numbers are plain
	 * digits, rates rounded down, the wall time in seconds with a dot.
	 */
	static void print(ImportStatus status, Duration wall, PrintStream out) {
		double seconds = Math.max(wall.toNanos(), 1) / 1e9;
		out.println("KBO import " + status.id() + ": " + status.state());
		out.println("source: " + status.source());
		out.println("bytes read: " + status.bytesRead() + " of " + status.totalBytes());
		out.println("rows read: " + status.rowsRead());
		out.println("rows imported: " + status.rowsImported());
		out.println("rows per second: " + (long) (status.rowsRead() / seconds));
		out.println("errors: " + status.errorCount());
		status.errors().stream().limit(ERRORS_SHOWN).forEach(
				error -> out.println("error: " + error.file() + ":" + error.line() + ": " + error.reason()));
		if (status.failure() != null) {
			out.println("failure: " + status.failure());
		}
		out.println("wall time: " + String.format(java.util.Locale.ROOT, "%.3f", seconds) + " s");
		out.println("peak heap: " + peakHeapBytes() / (1024 * 1024) + " MB");
	}

	/** Sum of the peak usage of the heap pools since the import began. */
	static long peakHeapBytes() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
	}
}
