package be.ebox.elections.internal;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

import be.ebox.messages.BulkPublications;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Operator commands, printed as "key: value" lines that
 * scripts (the benchmark) read, then exit:
 * <ul>
 * <li>{@code --elections-import=<csv>}: imports the social elections database (exit 1 when a line is wrong);</li>
 * <li>{@code --elections-pdf-baseline}: renders a letter for every dossier without codes, in memory only (no
 * database, nothing stored): the cost of the PDFs alone, the baseline of the benchmark;</li>
 * <li>{@code --elections-codes}: runs the codes campaign and waits until its bulk jobs are done. The bulk workers
 * run only with the web server: start it with a free {@code EBOX_PORT}, or without the web server
 * ({@code --spring.main.web-application-type=none}) for the import alone.</li>
 * </ul>
 */
@Component
class ElectionsCommand implements ApplicationRunner {

	static final String IMPORT = "elections-import";

	static final String BASELINE = "elections-pdf-baseline";

	static final String CODES = "elections-codes";

	private final ElectionsImport imports;

	private final CodesCampaign codes;

	private final CodesLetterPdf letters;

	private final Dossiers dossiers;

	private final Campaigns campaigns;

	private final BulkPublications bulk;

	private final ElectionsSettings settings;

	private final MessageSource messages;

	private final ApplicationContext context;

	ElectionsCommand(ElectionsImport imports, CodesCampaign codes, CodesLetterPdf letters, Dossiers dossiers,
			Campaigns campaigns, BulkPublications bulk, ElectionsSettings settings, MessageSource messages,
			ApplicationContext context) {
		this.imports = imports;
		this.codes = codes;
		this.letters = letters;
		this.dossiers = dossiers;
		this.campaigns = campaigns;
		this.bulk = bulk;
		this.settings = settings;
		this.messages = messages;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (!args.containsOption(IMPORT) && !args.containsOption(BASELINE) && !args.containsOption(CODES)) {
			return;
		}
		int code = execute(args, System.out);
		System.exit(SpringApplication.exit(context, () -> code));
	}

	int execute(ApplicationArguments args, PrintStream out) throws Exception {
		if (args.containsOption(IMPORT)) {
			List<String> values = args.getOptionValues(IMPORT);
			if (values == null || values.size() != 1 || values.get(0).isBlank()) {
				out.println("usage: --elections-import=<csv file>");
				return 2;
			}
			long started = System.nanoTime();
			ElectionsImport.Outcome outcome;
			try (InputStream in = Files.newInputStream(Path.of(values.get(0).strip()))) {
				outcome = imports.importCsv(in);
			}
			out.println("import seconds: " + seconds(started));
			if (!outcome.accepted()) {
				outcome.errors()
					.forEach(e -> out.println("error: line " + e.line() + ": " + messages.getMessage(
							"elections.import.error." + e.code(), e.arguments().toArray(), Locale.ENGLISH)));
				return 1;
			}
			out.println("enterprises: " + outcome.enterprises());
			out.println("consultation bodies: " + outcome.bodies() + " (" + outcome.newBodies() + " new)");
		}
		if (args.containsOption(BASELINE)) {
			var pending = dossiers.withoutCodes();
			long started = System.nanoTime();
			var pool = new ForkJoinPool(settings.letterThreads);
			long bytes;
			try {
				bytes = pool.submit(() -> pending.parallelStream()
					.mapToLong(d -> letters.render(d, DossierPasswords.generate()).length)
					.sum()).get();
			}
			finally {
				pool.shutdown();
			}
			double seconds = seconds(started);
			out.println("baseline letters: " + pending.size());
			out.println("baseline seconds: " + String.format(Locale.ROOT, "%.2f", seconds));
			out.println("baseline letters per second: " + (long) (pending.size() / seconds));
			out.println("baseline average letter bytes: " + (pending.isEmpty() ? 0 : bytes / pending.size()));
		}
		if (args.containsOption(CODES)) {
			int count = dossiers.withoutCodes().size();
			long started = System.nanoTime();
			var parts = codes.start("command-line");
			double queued = seconds(started);
			if (parts.isEmpty()) {
				out.println("letters: 0");
				return 0;
			}
			long done = 0;
			long failed = 0;
			long noDigitalUser = 0;
			for (var part : parts) {
				var job = campaigns.find(part).orElseThrow().job();
				BulkPublications.Status status;
				while (true) {
					status = bulk.status(settings.application, job).orElseThrow();
					if (status.state() == BulkPublications.State.DONE) {
						break;
					}
					Thread.sleep(50);
				}
				done += status.done();
				failed += status.failed();
				noDigitalUser += status.noDigitalUser();
				status.failedLines().stream().limit(5).forEach(f -> out.println("failed line " + f.line() + ": " + f.code()));
			}
			double seconds = seconds(started);
			out.println("letters: " + count);
			out.println("letters rendered, stored and queued seconds: " + String.format(Locale.ROOT, "%.2f", queued));
			out.println("codes campaign seconds: " + String.format(Locale.ROOT, "%.2f", seconds));
			out.println("letters per second: " + (long) (count / seconds));
			out.println("bulk jobs: " + parts.size());
			out.println("published: " + done + ", failed: " + failed + ", no digital user: " + noDigitalUser);
			return failed == 0 ? 0 : 1;
		}
		return 0;
	}

	private static double seconds(long startedNanos) {
		return Duration.ofNanos(System.nanoTime() - startedNanos).toNanos() / 1e9;
	}
}
