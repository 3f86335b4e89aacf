package be.ebox.elections.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import be.ebox.documents.StoredBlob;
import be.ebox.messages.BulkPublications;
import be.ebox.messages.Message;
import be.ebox.messages.Publications;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** A brochure or document for every enterprise in the database: the file is stored once and shared by every message. */
@Service
public class BrochureCampaign {

	private final JdbcClient jdbc;

	private final BulkPublications bulk;

	private final Campaigns campaigns;

	private final ElectionsSettings settings;

	private final TransactionTemplate transaction;

	BrochureCampaign(JdbcClient jdbc, BulkPublications bulk, Campaigns campaigns, ElectionsSettings settings,
			TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.bulk = bulk;
		this.campaigns = campaigns;
		this.settings = settings;
		this.transaction = transaction;
	}

	/** @return empty when the database holds no enterprise */
	public Optional<UUID> start(String subject, String fileName, StoredBlob document, String actor) {
		List<String> enterprises = jdbc.sql("SELECT enterprise_number FROM elections_enterprise ORDER BY enterprise_number")
			.query(String.class)
			.list();
		if (enterprises.isEmpty()) {
			return Optional.empty();
		}
		var csv = new StringBuilder("enterpriseNumber\n");
		enterprises.forEach(e -> csv.append(e.strip()).append('\n'));
		var contents = new HashMap<String, Message.Content>();
		for (String language : List.of("nl", "fr", "de", "en")) {
			contents.put(language, new Message.Content(language, subject, null));
		}
		var template = new BulkPublications.Template(settings.application, settings.informationType, contents, false,
				List.of(new Publications.Document(fileName, document, true, Map.of())), null, null, null, false, actor);
		return Optional.of(transaction.execute(status -> {
			var job = bulk.start(new BulkPublications.Request(template, BulkPublications.Format.CSV,
					new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), Map.of()));
			return campaigns.record(Campaigns.Kind.BROCHURE, job, enterprises.size(), actor);
		}));
	}
}
