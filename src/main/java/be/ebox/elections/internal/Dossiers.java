package be.ebox.elections.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import be.ebox.registry.EnterpriseNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The consultation bodies with their dossier numbers, codes, confirmed phases and phase documents. */
@Repository
public class Dossiers {

	private static final String SELECT = """
			SELECT b.dossier_number, b.enterprise_number, e.name AS enterprise_name, e.language, b.unit_code,
				u.name AS unit_name, b.kind, u.election_day, e.election_year, b.password_hash, b.letter_sha256
			FROM elections_body b
			JOIN elections_unit u ON u.enterprise_number = b.enterprise_number AND u.unit_code = b.unit_code
			JOIN elections_enterprise e ON e.enterprise_number = b.enterprise_number
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Clock clock;

	Dossiers(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.clock = clock;
	}

	static String dossierNumber(int year, int serial) {
		return String.format("%d-%06d", year, serial);
	}

	/** Codes written to a dossier with its letter. */
	record Codes(String dossierNumber, String passwordHash, String letterSha256) {
	}

	public Optional<Dossier> find(String number) {
		return jdbc.sql(SELECT + " WHERE b.dossier_number = ?").param(number).query(Dossiers::dossier).optional();
	}

	public List<Dossier> ofEnterprise(EnterpriseNumber enterprise) {
		return jdbc.sql(SELECT + " WHERE b.enterprise_number = ? ORDER BY b.dossier_number")
			.param(enterprise.digits())
			.query(Dossiers::dossier)
			.list();
	}

	List<Dossier> withoutCodes() {
		return jdbc.sql(SELECT + " WHERE b.codes_issued_at IS NULL ORDER BY b.dossier_number").query(Dossiers::dossier).list();
	}

	List<Dossier> all() {
		return jdbc.sql(SELECT + " ORDER BY b.dossier_number").query(Dossiers::dossier).list();
	}

	/** When the dossier's current codes were issued; empty before its first letter. */
	Optional<OffsetDateTime> codesIssuedAt(String dossier) {
		return jdbc.sql("SELECT codes_issued_at FROM elections_body WHERE dossier_number = ? AND codes_issued_at IS NOT NULL")
			.param(dossier)
			.query(OffsetDateTime.class)
			.optional();
	}

	void saveCodes(List<Codes> codes) {
		var now = OffsetDateTime.now(clock);
		template.batchUpdate("""
				UPDATE elections_body SET password_hash = ?, letter_sha256 = ?, codes_issued_at = ?
				WHERE dossier_number = ?""", codes, 1000, (ps, c) -> {
			ps.setString(1, c.passwordHash());
			ps.setString(2, c.letterSha256());
			ps.setObject(3, now);
			ps.setString(4, c.dossierNumber());
		});
	}

	Set<String> confirmed(String dossier) {
		return new HashSet<>(jdbc.sql("SELECT milestone FROM elections_confirmation WHERE dossier_number = ?")
			.param(dossier)
			.query(String.class)
			.list());
	}

	void confirm(String dossier, String milestone) {
		jdbc.sql("""
				INSERT INTO elections_confirmation (dossier_number, milestone, confirmed_at) VALUES (?, ?, ?)
				ON CONFLICT DO NOTHING""").params(dossier, milestone, OffsetDateTime.now(clock)).update();
	}

	record PhaseDocument(String milestone, String fileName, String sha256, Instant uploadedAt) {
	}

	void addDocument(String dossier, String milestone, String fileName, be.ebox.documents.StoredBlob blob) {
		jdbc.sql("""
				INSERT INTO elections_phase_document (id, dossier_number, milestone, file_name, sha256, media_type, uploaded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), dossier, milestone, fileName, blob.sha256(), blob.mediaType(),
					OffsetDateTime.now(clock))
			.update();
	}

	List<PhaseDocument> documents(String dossier) {
		return jdbc.sql("""
				SELECT milestone, file_name, sha256, uploaded_at FROM elections_phase_document WHERE dossier_number = ?
				ORDER BY uploaded_at""")
			.param(dossier)
			.query((rs, n) -> new PhaseDocument(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Whether the enterprise is in the social elections database of any year. */
	boolean inDatabase(EnterpriseNumber enterprise) {
		return jdbc.sql("SELECT COUNT(*) FROM elections_enterprise WHERE enterprise_number = ?")
			.param(enterprise.digits())
			.query(Long.class)
			.single() > 0;
	}

	static LocalDate today(Clock clock) {
		return LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Brussels"));
	}

	private static Dossier dossier(ResultSet rs, int n) throws SQLException {
		return new Dossier(rs.getString("dossier_number"), EnterpriseNumber.parse(rs.getString("enterprise_number")),
				rs.getString("enterprise_name"), rs.getString("language").strip(), rs.getString("unit_code"),
				rs.getString("unit_name"), ConsultationBody.valueOf(rs.getString("kind")),
				rs.getObject("election_day", LocalDate.class), rs.getInt("election_year"), rs.getString("password_hash"),
				rs.getString("letter_sha256"));
	}
}
