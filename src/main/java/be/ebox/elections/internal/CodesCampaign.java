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
 * {@code letterThreads} threads (CPU-bound, small PDFs with a standard font); then one transaction writes the hashes
 * with a JDBC batch and hands every letter to one bulk publication job, whose workers publish them in chunks with
 * batched inserts. A crash before that commit leaves no dossier with codes and nothing queued: the campaign runs again
 * for the same bodies (the stored letters are only orphaned blobs).
 */
@Service
public class CodesCampaign {

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

	/** @return the campaign, or empty when every body already has its codes */
	public java.util.Optional<java.util.UUID> start(String actor) {
		List<Dossier> pending = dossiers.withoutCodes();
		if (pending.isEmpty()) {
			return java.util.Optional.empty();
		}
		List<Letter> prepared = prepare(pending);
		return java.util.Optional.of(transaction.execute(status -> {
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
		}));
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

	private List<Letter> prepare(List<Dossier> pending) {
		var pool = new ForkJoinPool(settings.letterThreads);
		try {
			return pool.submit(() -> pending.parallelStream().map(dossier -> {
				String password = DossierPasswords.generate();
				byte[] pdf = letters.render(dossier, password);
				return new Letter(dossier, DossierPasswords.hash(password), blobs.store(new ByteArrayInputStream(pdf)));
			}).toList()).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while preparing the letters", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex.getCause());
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
