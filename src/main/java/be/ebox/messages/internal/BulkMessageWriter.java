package be.ebox.messages.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import be.ebox.messages.Message;
import be.ebox.system.CopyRows;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes many messages in the caller's transaction: the same rows as {@link JdbcMessages#insert}, without a round trip
 * per row. On PostgreSQL with one {@code COPY} per table (messages, contents, attachments): the server neither parses
 * nor plans a statement per row or per batch, which halves what it spends per message compared with multi-row INSERTs
 * (see bench/bulk-publication). Elsewhere (H2) with three JDBC batches, parameters set with their types (nulls
 * included), so the driver never has to ask the database what a parameter is.
 */
@Repository
class BulkMessageWriter {

	/** One per worker thread, reused for every chunk: a chunk's rows are encoded without new arrays. */
	private static final ThreadLocal<CopyRows> ROWS = ThreadLocal.withInitial(CopyRows::new);

	private final JdbcTemplate jdbc;

	private final boolean postgres;

	BulkMessageWriter(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
		this.jdbc = jdbc;
		try (Connection connection = dataSource.getConnection()) {
			this.postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
		}
	}

	private record ContentRow(Message message, Message.Content content) {
	}

	private record AttachmentRow(Message message, Message.Attachment attachment) {
	}

	void insert(List<Message> messages) {
		if (messages.isEmpty()) {
			return;
		}
		var contents = new ArrayList<ContentRow>(messages.size() * 2);
		var attachments = new ArrayList<AttachmentRow>();
		for (Message m : messages) {
			m.contents().values().forEach(c -> contents.add(new ContentRow(m, c)));
			m.attachments().forEach(a -> attachments.add(new AttachmentRow(m, a)));
		}
		if (postgres) {
			jdbc.execute((ConnectionCallback<Void>) connection -> {
				copy(connection, messages, contents, attachments);
				return null;
			});
			return;
		}
		jdbc.batchUpdate("""
				INSERT INTO message (id, recipient, sender_organisation, sender_application, message_type, kind,
					published_at, visible_from, expires_at, due_date, acknowledgement_required, protected,
					body_main_content, reply_authorized, registered_mail, publication_code)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)""", new Rows<>(messages) {

			@Override
			void set(PreparedStatement ps, Message m) throws SQLException {
				ps.setObject(1, m.id().value());
				ps.setString(2, m.recipient().digits());
				ps.setString(3, m.senderOrganisation().digits());
				ps.setString(4, m.senderApplication().value());
				ps.setString(5, m.messageType().value());
				ps.setString(6, m.kind().name());
				ps.setObject(7, m.publishedAt().atOffset(ZoneOffset.UTC));
				ps.setObject(8, m.visibleFrom().atOffset(ZoneOffset.UTC));
				ps.setObject(9, m.expiresAt().atOffset(ZoneOffset.UTC));
				if (m.dueDate() == null) {
					ps.setNull(10, Types.DATE);
				}
				else {
					ps.setObject(10, m.dueDate());
				}
				ps.setBoolean(11, m.acknowledgementRequired());
				ps.setBoolean(12, m.isProtected());
				ps.setBoolean(13, m.bodyMainContent());
				ps.setBoolean(14, m.replyAuthorized());
				ps.setString(15, m.publicationCode());
			}
		});
		jdbc.batchUpdate("""
				INSERT INTO message_content (message_id, recipient, language, subject, body, search_text)
				VALUES (?, ?, ?, ?, ?, ?)""", new Rows<>(contents) {

			@Override
			void set(PreparedStatement ps, ContentRow row) throws SQLException {
				var content = row.content();
				ps.setObject(1, row.message().id().value());
				ps.setString(2, row.message().recipient().digits());
				ps.setString(3, content.language());
				ps.setString(4, content.subject());
				ps.setString(5, content.body());
				ps.setString(6, SearchText.normalize(nonNull(content.subject()) + " " + nonNull(content.body())));
			}
		});
		if (!attachments.isEmpty()) {
			jdbc.batchUpdate("""
					INSERT INTO message_attachment (message_id, position, http_part_name, file_name, media_type, size,
						blob_sha256, main_content, signed, title_nl, title_fr, title_de, title_en)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?)""", new Rows<>(attachments) {

				@Override
				void set(PreparedStatement ps, AttachmentRow row) throws SQLException {
					var a = row.attachment();
					ps.setObject(1, row.message().id().value());
					ps.setInt(2, a.position());
					ps.setString(3, a.httpPartName());
					ps.setString(4, a.fileName());
					ps.setString(5, a.mediaType());
					ps.setLong(6, a.size());
					ps.setString(7, a.sha256());
					ps.setBoolean(8, a.mainContent());
					ps.setString(9, a.titles().get("nl"));
					ps.setString(10, a.titles().get("fr"));
					ps.setString(11, a.titles().get("de"));
					ps.setString(12, a.titles().get("en"));
				}
			});
		}
	}

	/**
	 * One COPY per table, each from its own small method, so that the JIT compiles each table's loop on its own: the
	 * single method with the three loops was among the longest compilations of a job's first chunks (compiled on the
	 * stack, then again; see bench/README.md, branch bulkfast). Its effect alone on a job was not measurable.
	 */
	private static void copy(Connection connection, List<Message> messages, List<ContentRow> contents,
			List<AttachmentRow> attachments) throws SQLException {
		CopyRows rows = ROWS.get();
		copyMessages(connection, rows.clear(), messages);
		copyContents(connection, rows.clear(), contents);
		if (!attachments.isEmpty()) {
			copyAttachments(connection, rows.clear(), attachments);
		}
	}

	private static void copyMessages(Connection connection, CopyRows rows, List<Message> messages) throws SQLException {
		for (Message m : messages) {
			rows.uuid(m.id().value())
				.text(m.recipient().digits())
				.text(m.senderOrganisation().digits())
				.text(m.senderApplication().value())
				.text(m.messageType().value())
				.text(m.kind().name())
				.instant(m.publishedAt())
				.instant(m.visibleFrom())
				.instant(m.expiresAt())
				.date(m.dueDate())
				.bool(m.acknowledgementRequired())
				.bool(m.isProtected())
				.bool(m.bodyMainContent())
				.bool(m.replyAuthorized())
				.bool(false)
				.text(m.publicationCode())
				.endRow();
		}
		rows.copyInto(connection, """
				message (id, recipient, sender_organisation, sender_application, message_type, kind, published_at,
					visible_from, expires_at, due_date, acknowledgement_required, protected, body_main_content,
					reply_authorized, registered_mail, publication_code)""");
	}

	private static void copyContents(Connection connection, CopyRows rows, List<ContentRow> contents)
			throws SQLException {
		for (ContentRow row : contents) {
			var content = row.content();
			rows.uuid(row.message().id().value())
				.text(row.message().recipient().digits())
				.text(content.language())
				.text(content.subject())
				.text(content.body())
				.text(SearchText.normalize(nonNull(content.subject()) + " " + nonNull(content.body())))
				.endRow();
		}
		rows.copyInto(connection, "message_content (message_id, recipient, language, subject, body, search_text)");
	}

	private static void copyAttachments(Connection connection, CopyRows rows, List<AttachmentRow> attachments)
			throws SQLException {
		for (AttachmentRow row : attachments) {
			var a = row.attachment();
			rows.uuid(row.message().id().value())
				.plain(a.position())
				.text(a.httpPartName())
				.text(a.fileName())
				.text(a.mediaType())
				.plain(a.size())
				.text(a.sha256())
				.bool(a.mainContent())
				.bool(false)
				.text(a.titles().get("nl"))
				.text(a.titles().get("fr"))
				.text(a.titles().get("de"))
				.text(a.titles().get("en"))
				.endRow();
		}
		rows.copyInto(connection, """
				message_attachment (message_id, position, http_part_name, file_name, media_type, size, blob_sha256,
					main_content, signed, title_nl, title_fr, title_de, title_en)""");
	}

	private abstract static class Rows<T> implements BatchPreparedStatementSetter {

		private final List<T> rows;

		Rows(List<T> rows) {
			this.rows = rows;
		}

		abstract void set(PreparedStatement ps, T row) throws SQLException;

		@Override
		public void setValues(PreparedStatement ps, int i) throws SQLException {
			set(ps, rows.get(i));
		}

		@Override
		public int getBatchSize() {
			return rows.size();
		}
	}

	private static String nonNull(String text) {
		return text == null ? "" : text;
	}
}
