package be.ebox.testsupport;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import be.ebox.messages.MessageId;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageKind;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes messages straight into the tables, for tests of what reads them (consultation, inbox, notifications): faster
 * than publishing over HTTP and free to set any state. The sender columns are free text here; tests that need real
 * reference data publish through {@code /publishMessage}.
 */
public class TestMessages {

	private final JdbcClient jdbc;

	public TestMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Draft to(EnterpriseNumber recipient) {
		return new Draft(recipient);
	}

	public final class Draft {

		private final EnterpriseNumber recipient;

		private String type = "TestUnprotectedType";

		private boolean isProtected;

		private MessageKind kind = MessageKind.DOCUMENT;

		private Instant publishedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		private Instant visibleFrom;

		private Instant expiresAt;

		private LocalDate dueDate;

		private boolean acknowledgementRequired;

		private String organisation = "0123456749";

		private String application = "test.sender.be";

		private final Map<String, String[]> contents = new LinkedHashMap<>();

		private Draft(EnterpriseNumber recipient) {
			this.recipient = recipient;
		}

		public Draft type(String type, boolean isProtected) {
			this.type = type;
			this.isProtected = isProtected;
			return this;
		}

		public Draft kind(MessageKind kind) {
			this.kind = kind;
			return this;
		}

		public Draft publishedAt(Instant at) {
			this.publishedAt = at;
			return this;
		}

		public Draft visibleFrom(Instant at) {
			this.visibleFrom = at;
			return this;
		}

		public Draft expiresAt(Instant at) {
			this.expiresAt = at;
			return this;
		}

		public Draft task(LocalDate due) {
			this.kind = MessageKind.TASK;
			this.dueDate = due;
			return this;
		}

		public Draft acknowledgementRequired() {
			this.acknowledgementRequired = true;
			return this;
		}

		public Draft sender(String organisationDigits, String application) {
			this.organisation = organisationDigits;
			this.application = application;
			return this;
		}

		public Draft content(String language, String subject, String body) {
			contents.put(language, new String[] { subject, body });
			return this;
		}

		public MessageId insert() {
			var id = MessageId.random();
			if (contents.isEmpty()) {
				content("nl", "Onderwerp", "Inhoud");
			}
			jdbc.sql("""
					INSERT INTO message (id, recipient, sender_organisation, sender_application, message_type, kind,
						published_at, visible_from, expires_at, due_date, acknowledgement_required, protected,
						body_main_content, reply_authorized, registered_mail)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, FALSE, FALSE)""")
				.params(id.value(), recipient.digits(), organisation, application, type, kind.name(),
						publishedAt.atOffset(ZoneOffset.UTC),
						(visibleFrom == null ? publishedAt : visibleFrom).atOffset(ZoneOffset.UTC),
						(expiresAt == null ? publishedAt.plus(365, ChronoUnit.DAYS) : expiresAt).atOffset(ZoneOffset.UTC),
						dueDate, acknowledgementRequired, isProtected)
				.update();
			contents.forEach((language, text) -> jdbc.sql("""
					INSERT INTO message_content (message_id, recipient, language, subject, body, search_text)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(id.value(), recipient.digits(), language, text[0], text[1], normalize(text[0] + " " + text[1]))
				.update());
			return id;
		}
	}

	private static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
	}
}
