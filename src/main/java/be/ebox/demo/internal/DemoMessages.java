package be.ebox.demo.internal;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.ebox.access.Reader;
import be.ebox.documents.BlobStore;
import be.ebox.identity.Account;
import be.ebox.identity.Accounts;
import be.ebox.messages.Message;
import be.ebox.messages.MessageActions;
import be.ebox.messages.MessageId;
import be.ebox.messages.Messages;
import be.ebox.messages.PublicationException;
import be.ebox.messages.Publications;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A few messages of the employment service in the demo e-Boxes, published through {@link Publications} like any
 * other: a protected social elections letter (PDF, already read), an unprotected brochure (PDF, unread), a task with
 * a due date and acknowledgement, a notification that expires soon, a French letter for demo-fr and a German
 * notification for demo-de's e-Box that is not active yet. Each has a fixed Idempotency-Key, so a restart publishes
 * nothing twice; a restart on another day, whose dates differ, is refused as a reused key and also left alone.
 */
@Component
class DemoMessages {

	private static final Logger log = LoggerFactory.getLogger(DemoMessages.class);

	private static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");

	static final SenderApplicationId APPLICATION = new SenderApplicationId(DemoReferenceData.APPLICATION);

	static final MessageTypeId LETTER = new MessageTypeId(DemoReferenceData.PROTECTED_TYPE);

	static final MessageTypeId INFORMATION = new MessageTypeId(DemoReferenceData.UNPROTECTED_TYPE);

	static final MessageTypeId PHASE = new MessageTypeId(DemoReferenceData.TASK_TYPE);

	/** The Idempotency-Keys of the demo messages; the README's Demo section lists the messages. */
	static final List<String> KEYS = List.of("demo-letter-nl", "demo-brochure-nl", "demo-task-nl", "demo-expiring-nl",
			"demo-letter-fr", "demo-information-de");

	private final Publications publications;

	private final Messages messages;

	private final MessageActions actions;

	private final BlobStore blobs;

	private final Accounts accounts;

	private final Clock clock;

	DemoMessages(Publications publications, Messages messages, MessageActions actions, BlobStore blobs,
			Accounts accounts, Clock clock) {
		this.publications = publications;
		this.messages = messages;
		this.actions = actions;
		this.blobs = blobs;
		this.accounts = accounts;
		this.clock = clock;
	}

	void install() {
		EnterpriseNumber nl = DemoAccount.ALL.get(0).enterprise();
		EnterpriseNumber fr = DemoAccount.ALL.get(1).enterprise();
		EnterpriseNumber de = DemoAccount.ALL.get(2).enterprise();
		LocalDate today = LocalDate.now(clock.withZone(BELGIUM));

		var letter = pdf("Sociale verkiezingen 2028 - Elections sociales 2028", List.of(
				"Uw dossiernummer / Votre numero de dossier: SE-2028-0412345614",
				"Paswoord / Mot de passe: DEMO-7KQ4-M2XP",
				"Gebruik ze op de website van de sociale verkiezingen.",
				"Utilisez-les sur le site des elections sociales."));
		publish("demo-letter-nl", nl, LETTER, Map.of(
				"nl", new Message.Content("nl", "Sociale verkiezingen 2028: uw dossiernummer en paswoord", null),
				"fr", new Message.Content("fr", "Élections sociales 2028 : votre numéro de dossier et mot de passe", null)),
				List.of(new Publications.Document("sociale-verkiezingen-2028.pdf", letter, true, Map.of())), null, false,
				null)
			.ifPresent(id -> markRead(nl, DemoAccount.ALL.get(0).username(), id));

		var brochure = pdf("Brochure - Sociale verkiezingen 2028", List.of(
				"Alles over de procedure: dag X, dag Y en de overlegorganen.",
				"Tout sur la procedure : jour X, jour Y et les organes de concertation."));
		publish("demo-brochure-nl", nl, INFORMATION, contents(
				"Brochure: de sociale verkiezingen in 2028", "Brochure : les élections sociales en 2028",
				"Broschüre: die Sozialwahlen 2028", "Brochure: the social elections in 2028", null),
				List.of(new Publications.Document("brochure-sociale-verkiezingen.pdf", brochure, true, Map.of())), null,
				false, null);

		publish("demo-task-nl", nl, PHASE, contents("Fase X-60: bevestig het aantal werknemers",
				"Phase X-60 : confirmez le nombre de travailleurs", null, null,
				"Bevestig vóór de vervaldatum het aantal werknemers per technische bedrijfseenheid."),
				List.of(), today.plusDays(21), true, null);

		publish("demo-expiring-nl", nl, INFORMATION, contents("Herinnering: infosessie over de sociale verkiezingen",
				"Rappel : séance d'information sur les élections sociales", null, null,
				"De infosessie vindt plaats op " + today.plusDays(4) + ". Dit bericht vervalt na die dag."),
				List.of(), null, false, clock.instant().plus(Duration.ofDays(5)));

		publish("demo-letter-fr", fr, LETTER, Map.of("fr", new Message.Content("fr",
				"Élections sociales 2028 : votre numéro de dossier et mot de passe", null)),
				List.of(new Publications.Document("elections-sociales-2028.pdf", pdf("Elections sociales 2028",
						List.of("Votre numero de dossier : SE-2028-0421567839", "Mot de passe : DEMO-P8WZ-3HJN")),
						true, Map.of())),
				null, false, null);

		publish("demo-information-de", de, INFORMATION, Map.of("de", new Message.Content("de",
				"Sozialwahlen 2028: der Ablauf in Kürze",
				"Der Wahltag (Tag Y) liegt 90 Tage nach dem Tag der Bekanntmachung (Tag X).")), List.of(), null, false,
				null);
	}

	private be.ebox.documents.StoredBlob pdf(String title, List<String> lines) {
		return blobs.store(new ByteArrayInputStream(DemoLetterPdf.render(title, lines)));
	}

	private static Map<String, Message.Content> contents(String nl, String fr, String de, String en, String body) {
		Map<String, Message.Content> contents = new LinkedHashMap<>();
		contents.put("nl", new Message.Content("nl", nl, body));
		contents.put("fr", new Message.Content("fr", fr, body));
		if (de != null) {
			contents.put("de", new Message.Content("de", de, body));
		}
		if (en != null) {
			contents.put("en", new Message.Content("en", en, body));
		}
		return contents;
	}

	/** @return the id when it was published now or by an identical earlier start; empty when an earlier start's stays */
	private java.util.Optional<MessageId> publish(String key, EnterpriseNumber recipient, MessageTypeId type,
			Map<String, Message.Content> contents, List<Publications.Document> documents, LocalDate dueDate,
			boolean acknowledgement, java.time.Instant expiresAt) {
		var outgoing = new Publications.Outgoing(APPLICATION, recipient, type, contents, documents.isEmpty(), documents,
				null, dueDate, acknowledgement, false, Map.of(), key, expiresAt);
		try {
			return java.util.Optional.of(publications.publish(outgoing).id());
		}
		catch (PublicationException refused) {
			if ("IDEMPOTENCY_KEY_REUSED".equals(refused.code())) {
				// published by an earlier start with other dates (another day, another PDF id): that one stays
				return java.util.Optional.empty();
			}
			throw refused;
		}
	}

	/** The demo account opened the letter once: read, with its evidence. */
	private void markRead(EnterpriseNumber enterprise, String username, MessageId id) {
		Account account = accounts.findByUsername(username).orElse(null);
		if (account == null) {
			return;
		}
		var reader = Reader.ofEverything(enterprise, Reader.Kind.PERSON, account.id().toString());
		boolean read = messages.findFor(reader, id).map(m -> m.state().isRead()).orElse(true);
		if (!read) {
			actions.openMainContent(reader, id);
			log.info("Demo letter {} marked read", id);
		}
	}
}
