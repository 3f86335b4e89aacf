package be.ebox.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The baseline of the bulk publication benchmark: the same rows as a bulk job of N lines writes (one message, two
 * contents nl and fr, one attachment row pointing at the shared PDF), inserted with plain JDBC batches of 1000 rows per
 * transaction over one connection, nothing checked, nothing computed but the substituted texts.
 *
 *   java -cp postgresql.jar:classes be.ebox.bench.PlainInsert jdbc:postgresql://127.0.0.1:5432/db user password N sha256 size
 */
public final class PlainInsert {

	public static void main(String[] args) throws Exception {
		String url = args[0];
		int n = Integer.parseInt(args[3]);
		String sha = args[4];
		long size = Long.parseLong(args[5]);
		int batch = 1000;
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		OffsetDateTime expiry = now.plusMonths(6);
		long t0 = System.nanoTime();
		try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
			c.setAutoCommit(false);
			try (PreparedStatement message = c.prepareStatement("""
					INSERT INTO message (id, recipient, sender_organisation, sender_application, message_type, kind,
						published_at, visible_from, expires_at, due_date, acknowledgement_required, protected,
						body_main_content, reply_authorized, registered_mail, publication_code)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)""");
					PreparedStatement content = c.prepareStatement("""
							INSERT INTO message_content (message_id, recipient, language, subject, body, search_text)
							VALUES (?, ?, ?, ?, ?, ?)""");
					PreparedStatement attachment = c.prepareStatement("""
							INSERT INTO message_attachment (message_id, position, http_part_name, file_name, media_type,
								size, blob_sha256, main_content, signed, title_nl, title_fr, title_de, title_en)
							VALUES (?, 1, 'upfile1', 'brochure.pdf', 'application/pdf', ?, ?, FALSE, FALSE, 'Brochure',
								'Brochure', NULL, NULL)""")) {
				for (int i = 1; i <= n; i++) {
					UUID id = UUID.randomUUID();
					int base = 10_000_000 + i;
					String number = String.format("%08d%02d", base, 97 - base % 97);
					message.setObject(1, id);
					message.setString(2, number);
					message.setString(3, "0308357159");
					message.setString(4, "db2b.SPFETCS-FODWASO.fgov.be");
					message.setString(5, "SpfFodInformation");
					message.setString(6, "DOCUMENT");
					message.setObject(7, now);
					message.setObject(8, now);
					message.setObject(9, expiry);
					message.setNull(10, Types.DATE);
					message.setBoolean(11, false);
					message.setBoolean(12, false);
					message.setBoolean(13, true);
					message.setBoolean(14, false);
					message.setString(15, i % 2 == 0 ? null : "NO_DIGITAL_USER");
					message.addBatch();
					String name = "Onderneming " + i;
					String ref = "REF-" + i;
					content.setObject(1, id);
					content.setString(2, number);
					content.setString(3, "nl");
					content.setString(4, "Beste " + name + ", uw dossier " + ref);
					content.setString(5, "Uw referentie is " + ref + ". Lees de brochure in bijlage.");
					content.setString(6, ("beste " + name + ", uw dossier " + ref + " uw referentie is " + ref
							+ ". lees de brochure in bijlage.").toLowerCase());
					content.addBatch();
					content.setObject(1, id);
					content.setString(2, number);
					content.setString(3, "fr");
					content.setString(4, "Cher " + name + ", votre dossier " + ref);
					content.setString(5, "Votre référence est " + ref + ". Lisez la brochure en annexe.");
					content.setString(6, ("cher " + name + ", votre dossier " + ref + " votre reference est " + ref
							+ ". lisez la brochure en annexe.").toLowerCase());
					content.addBatch();
					attachment.setObject(1, id);
					attachment.setLong(2, size);
					attachment.setString(3, sha);
					attachment.addBatch();
					if (i % batch == 0 || i == n) {
						message.executeBatch();
						content.executeBatch();
						attachment.executeBatch();
						c.commit();
					}
				}
			}
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		System.out.printf("plain insert: %d messages in %.2f s = %.0f messages/s%n", n, seconds, n / seconds);
	}
}
