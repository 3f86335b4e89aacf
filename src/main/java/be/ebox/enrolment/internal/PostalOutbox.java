package be.ebox.enrolment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import be.ebox.registry.EnterpriseNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The print queue of activation letters. A letter's PDF carries an activation code in clear, so it is deleted
 * as soon as the letter is printed or voided; the metadata (who, when) stays for the record.
 */
@Repository
class PostalOutbox {

	enum LetterState { TO_PRINT, PRINTED, VOIDED }

	record Letter(UUID id, EnterpriseNumber enterprise, String addressee, String language, LetterState state,
			Instant createdAt, Instant printedAt, String printedBy, boolean hasPdf) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	PostalOutbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	UUID add(EnterpriseNumber enterprise, UUID activationCodeId, String addressee, String language, byte[] pdf) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO enrolment_letter (id, enterprise_number, activation_code_id, addressee, language, state,
					created_at, pdf)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, enterprise.digits(), activationCodeId, addressee, language, LetterState.TO_PRINT.name(),
					Eboxes.utc(clock.instant()), pdf)
			.update();
		return id;
	}

	/** Letters to print first, then the others; newest first within each group. */
	List<Letter> page(int offset, int limit) {
		return jdbc.sql("""
				SELECT id, enterprise_number, addressee, language, state, created_at, printed_at, printed_by,
					CASE WHEN pdf IS NULL THEN 0 ELSE 1 END AS has_pdf
				FROM enrolment_letter
				ORDER BY CASE WHEN state = 'TO_PRINT' THEN 0 ELSE 1 END, created_at DESC, id
				LIMIT ? OFFSET ?""")
			.params(limit, offset)
			.query(PostalOutbox::letter)
			.list();
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM enrolment_letter").query(Long.class).single();
	}

	List<Letter> ofEnterprise(EnterpriseNumber enterprise) {
		return jdbc.sql("""
				SELECT id, enterprise_number, addressee, language, state, created_at, printed_at, printed_by,
					CASE WHEN pdf IS NULL THEN 0 ELSE 1 END AS has_pdf
				FROM enrolment_letter WHERE enterprise_number = ? ORDER BY created_at, id""")
			.param(enterprise.digits())
			.query(PostalOutbox::letter)
			.list();
	}

	Optional<Letter> find(UUID id) {
		return jdbc.sql("""
				SELECT id, enterprise_number, addressee, language, state, created_at, printed_at, printed_by,
					CASE WHEN pdf IS NULL THEN 0 ELSE 1 END AS has_pdf
				FROM enrolment_letter WHERE id = ?""")
			.param(id)
			.query(PostalOutbox::letter)
			.optional();
	}

	/** The PDF of a letter still to print; empty once printed or voided. */
	Optional<byte[]> pdf(UUID id) {
		return jdbc.sql("SELECT pdf FROM enrolment_letter WHERE id = ? AND state = 'TO_PRINT' AND pdf IS NOT NULL")
			.param(id)
			.query((rs, row) -> rs.getBytes("pdf"))
			.optional();
	}

	/** Marks a letter printed and deletes its PDF; false when it was not waiting to be printed. */
	boolean markPrinted(UUID id, String operator) {
		return jdbc.sql("""
				UPDATE enrolment_letter SET state = 'PRINTED', printed_at = ?, printed_by = ?, pdf = NULL
				WHERE id = ? AND state = 'TO_PRINT'""")
			.params(Eboxes.utc(clock.instant()), operator, id)
			.update() == 1;
	}

	/** Voids the letters of an enterprise that were not printed yet (their code no longer works). */
	int voidUnprinted(EnterpriseNumber enterprise) {
		return jdbc.sql("""
				UPDATE enrolment_letter SET state = 'VOIDED', voided_at = ?, pdf = NULL
				WHERE enterprise_number = ? AND state = 'TO_PRINT'""")
			.params(Eboxes.utc(clock.instant()), enterprise.digits())
			.update();
	}

	private static Letter letter(ResultSet rs, int row) throws SQLException {
		return new Letter(rs.getObject("id", UUID.class), EnterpriseNumber.parse(rs.getString("enterprise_number")),
				rs.getString("addressee"), rs.getString("language"), LetterState.valueOf(rs.getString("state")),
				Eboxes.instant(rs.getObject("created_at", OffsetDateTime.class)),
				Eboxes.instant(rs.getObject("printed_at", OffsetDateTime.class)), rs.getString("printed_by"),
				rs.getInt("has_pdf") == 1);
	}
}
