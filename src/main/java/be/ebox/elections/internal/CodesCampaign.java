package be.ebox.elections.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

import be.ebox.documents.BlobStore;
import be.ebox.documents.StoredBlob;
import be.ebox.messages.BulkPublications;
import be.ebox.messages.Message;
import be.ebox.messages.Publications;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The codes campaign: for every consultation body without codes, a password and its letter, published in the
 * enterprise's e-Box under the protected codes type, one message per body.
 * <p>
 * Built for throughput (15 000 letters at ≥ 500/s): letters are rendered and stored in parallel on
 * {@code letterThreads} threads (CPU-bound, small uncompressed PDFs with a standard font) and stored with batched
 * inserts; then one transaction writes the hashes with a JDBC batch and hands the letters to a bulk publication job,
 * whose workers publish them in chunks with batched inserts, while the next part is being rendered. A crash before a
 * part's commit leaves its dossiers without codes and nothing of it queued: the campaign runs again for them (their
 * stored letters are only orphaned blobs).
 */
@Service
public class CodesCampaign {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CodesCampaign.class);

	private final Dossiers dossiers;

	private final CodesLetterPdf letters;

	private final BlobStore blobs;

	private final BulkPublications bulk;

	private final Publications publications;

	private final Campaigns campaigns;

	private final TransactionTemplate transaction;

	private final ElectionsSettings settings;

	private final MessageSource messages;

	CodesCampaign(Dossiers dossiers, CodesLetterPdf letters, BlobStore blobs, BulkPublications bulk,
			Publications publications, Campaigns campaigns, TransactionTemplate transaction, ElectionsSettings settings,
			MessageSource messages) {
		this.dossiers = dossiers;
		this.letters = letters;
		this.blobs = blobs;
		this.bulk = bulk;
		this.publications = publications;
		this.campaigns = campaigns;
		this.transaction = transaction;
		this.settings = settings;
		this.messages = messages;
	}

	private record Letter(Dossier dossier, String passwordHash, StoredBlob blob) {

		String fileName() {
			return "codes-" + dossier.number() + ".pdf";
		}
	}

	/**
	 * Letters per bulk job: while the workers publish one part, the next is being rendered (a pipeline instead of
	 * rendering all, then publishing all). Each part commits its codes and queues its job in one transaction.
	 */
	static final int LETTERS_PER_JOB = 2000;

	/** @return the campaign of each part (one per {@value #LETTERS_PER_JOB} letters), empty when every body has codes */
	public List<java.util.UUID> start(String actor) {
		List<Dossier> pending = dossiers.withoutCodes();
		var started = new ArrayList<java.util.UUID>();
		if (pending.isEmpty()) {
			return started;
		}
		var pool = new ForkJoinPool(settings.letterThreads);
		try {
			// the next part renders on the pool while this thread stores and queues the previous one
			var next = render(pool, pending.subList(0, Math.min(pending.size(), LETTERS_PER_JOB)));
			for (int from = 0; from < pending.size(); from += LETTERS_PER_JOB) {
				long begin = System.nanoTime();
				List<Rendered> rendered = join(next);
				int nextFrom = from + LETTERS_PER_JOB;
				if (nextFrom < pending.size()) {
					next = render(pool, pending.subList(nextFrom, Math.min(pending.size(), nextFrom + LETTERS_PER_JOB)));
				}
				long waited = System.nanoTime();
				List<Letter> prepared = store(rendered);
				long stored = System.nanoTime();
				started.add(transaction.execute(status -> queue(prepared, actor)));
				log.info("Codes campaign: {} letters, waited {} ms for their rendering, stored in {} ms, queued in {} ms",
						prepared.size(), (waited - begin) / 1_000_000, (stored - waited) / 1_000_000,
						(System.nanoTime() - stored) / 1_000_000);
			}
		}
		finally {
			pool.shutdown();
		}
		return started;
	}

	private java.util.UUID queue(List<Letter> prepared, String actor) {
		dossiers.saveCodes(prepared.stream()
			.map(l -> new Dossiers.Codes(l.dossier().number(), l.passwordHash(), l.blob().sha256()))
			.toList());
		var csv = new StringBuilder(prepared.size() * 64).append("enterpriseNumber,document,dossier,unit\n");
		Map<String, StoredBlob> documents = new HashMap<>();
		for (Letter letter : prepared) {
			csv.append(letter.dossier().enterprise().digits())
				.append(',')
				.append(Campaigns.csv(letter.fileName()))
				.append(',')
				.append(Campaigns.csv(letter.dossier().number()))
				.append(',')
				.append(Campaigns.csv(letter.dossier().unitName()))
				.append('\n');
			documents.put(letter.fileName(), letter.blob());
		}
		var template = new BulkPublications.Template(settings.application, settings.codesType,
				contents("elections.codes.subject", "elections.codes.body"), false, List.of(),
				new BulkPublications.PersonalDocument(true, titles()), null, null, false, actor);
		var job = bulk.start(new BulkPublications.Request(template, BulkPublications.Format.CSV,
				new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), documents));
		return campaigns.record(Campaigns.Kind.CODES, job, prepared.size(), actor);
	}

	/**
	 * New codes for one dossier (lost password): the old password stops working when the new letter is published,
	 * in the same transaction. Never by e-mail: only the readers the enterprise granted see the letter.
	 */
	void reissue(Dossier dossier, String actor) {
		Letter letter = prepare(List.of(dossier)).get(0);
		transaction.executeWithoutResult(status -> {
			dossiers.saveCodes(List.of(new Dossiers.Codes(dossier.number(), letter.passwordHash(), letter.blob().sha256())));
			var variables = Map.of("dossier", dossier.number(), "unit", dossier.unitName());
			var contents = new HashMap<String, Message.Content>();
			contents("elections.codes.subject", "elections.codes.body").forEach((language, content) -> contents
				.put(language, new Message.Content(language, substitute(content.subject(), variables),
						substitute(content.body(), variables))));
			publications.publish(new Publications.Outgoing(settings.application, dossier.enterprise(), settings.codesType,
					contents, false, List.of(new Publications.Document(letter.fileName(), letter.blob(), true, titles())),
					null, null, false, false, Map.of(), null));
		});
	}

	private static String substitute(String text, Map<String, String> variables) {
		String result = text;
		for (var variable : variables.entrySet()) {
			result = result.replace("{{" + variable.getKey() + "}}", variable.getValue());
		}
		return result;
	}

	private record Rendered(Dossier dossier, String passwordHash, byte[] pdf) {
	}

	private java.util.concurrent.ForkJoinTask<List<Rendered>> render(ForkJoinPool pool, List<Dossier> dossiers) {
		return pool.submit(() -> dossiers.parallelStream().map(dossier -> {
			String password = DossierPasswords.generate();
			return new Rendered(dossier, DossierPasswords.hash(password), letters.render(dossier, password));
		}).toList());
	}

	private static List<Rendered> join(java.util.concurrent.ForkJoinTask<List<Rendered>> task) {
		try {
			return task.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while rendering the letters", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex.getCause());
		}
	}

	/** One batched transaction for all the letters of a part. */
	private List<Letter> store(List<Rendered> rendered) {
		List<StoredBlob> stored = blobs.storeAll(rendered.stream().map(Rendered::pdf).toList());
		var prepared = new ArrayList<Letter>(rendered.size());
		for (int i = 0; i < rendered.size(); i++) {
			prepared.add(new Letter(rendered.get(i).dossier(), rendered.get(i).passwordHash(), stored.get(i)));
		}
		return prepared;
	}

	private List<Letter> prepare(List<Dossier> dossiers) {
		var pool = new ForkJoinPool(settings.letterThreads);
		try {
			return store(join(render(pool, dossiers)));
		}
		finally {
			pool.shutdown();
		}
	}

	Map<String, Message.Content> contents(String subjectKey, String bodyKey) {
		var contents = new HashMap<String, Message.Content>();
		for (String language : List.of("nl", "fr", "de", "en")) {
			var locale = java.util.Locale.forLanguageTag(language);
			contents.put(language, new Message.Content(language, messages.getMessage(subjectKey, null, locale),
					messages.getMessage(bodyKey, null, locale)));
		}
		return contents;
	}

	private Map<String, String> titles() {
		var titles = new ArrayList<Map.Entry<String, String>>();
		for (String language : List.of("nl", "fr", "de", "en")) {
			titles.add(Map.entry(language,
					messages.getMessage("elections.codes.documentTitle", null, java.util.Locale.forLanguageTag(language))));
		}
		return Map.ofEntries(titles.toArray(Map.Entry[]::new));
	}
}
