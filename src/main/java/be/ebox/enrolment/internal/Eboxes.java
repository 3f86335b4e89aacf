package be.ebox.enrolment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import be.ebox.enrolment.EboxState;
import be.ebox.enrolment.RegistrationRefusedException;
import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of e-Boxes (one row per registered enterprise). */
@Repository
class Eboxes {

	record Ebox(EnterpriseNumber enterprise, EboxState state, Instant registeredAt, Instant activatedAt,
			String representativeName, String email, String letterLanguage, AccountId mainAccount, String termsVersion) {
	}

	private final JdbcClient jdbc;

	Eboxes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a REGISTERED e-Box. The primary key refuses a second one for the same enterprise, also when two
	 * registrations race past the friendly check.
	 */
	void insert(EnterpriseNumber enterprise, Instant registeredAt, String representativeName, String email,
			String letterLanguage, AccountId mainAccount) {
		try {
			jdbc.sql("""
					INSERT INTO enrolment_ebox (enterprise_number, state, registered_at, representative_name, email,
						letter_language, main_account_id)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(enterprise.digits(), EboxState.REGISTERED.name(), utc(registeredAt), representativeName, email,
						letterLanguage, mainAccount.value())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new RegistrationRefusedException(RegistrationRefusedException.Reason.ALREADY_REGISTERED);
		}
	}

	Optional<Ebox> find(EnterpriseNumber enterprise) {
		return jdbc.sql("SELECT * FROM enrolment_ebox WHERE enterprise_number = ?")
			.param(enterprise.digits())
			.query(Eboxes::ebox)
			.optional();
	}

	/** Locks the row until the end of the transaction, so that activation and a new letter do not cross. */
	Optional<Ebox> findForUpdate(EnterpriseNumber enterprise) {
		return jdbc.sql("SELECT * FROM enrolment_ebox WHERE enterprise_number = ? FOR UPDATE")
			.param(enterprise.digits())
			.query(Eboxes::ebox)
			.optional();
	}

	Optional<EboxState> state(EnterpriseNumber enterprise) {
		return jdbc.sql("SELECT state FROM enrolment_ebox WHERE enterprise_number = ?")
			.param(enterprise.digits())
			.query((rs, row) -> EboxState.valueOf(rs.getString("state")))
			.optional();
	}

	/** Those of the enterprises whose e-Box is ACTIVE; one query per thousand numbers. */
	java.util.Set<EnterpriseNumber> active(java.util.Collection<EnterpriseNumber> enterprises) {
		var active = new java.util.HashSet<EnterpriseNumber>();
		var digits = enterprises.stream().map(EnterpriseNumber::digits).distinct().toList();
		for (int from = 0; from < digits.size(); from += 1000) {
			jdbc.sql("SELECT enterprise_number FROM enrolment_ebox WHERE state = 'ACTIVE' AND enterprise_number IN (:numbers)")
				.param("numbers", digits.subList(from, Math.min(from + 1000, digits.size())))
				.query((rs, row) -> EnterpriseNumber.parse(rs.getString(1)))
				.list()
				.forEach(active::add);
		}
		return active;
	}

	/** The enterprise whose main access manager the account is (for the audit trail of failed activations). */
	Optional<EnterpriseNumber> enterpriseOf(AccountId mainAccount) {
		return jdbc.sql("SELECT enterprise_number FROM enrolment_ebox WHERE main_account_id = ? ORDER BY enterprise_number")
			.param(mainAccount.value())
			.query((rs, row) -> EnterpriseNumber.parse(rs.getString("enterprise_number")))
			.list()
			.stream()
			.findFirst();
	}

	/** Makes a REGISTERED e-Box ACTIVE; false when it was not REGISTERED any more. */
	boolean activate(EnterpriseNumber enterprise, Instant activatedAt, String termsVersion) {
		return jdbc.sql("""
				UPDATE enrolment_ebox SET state = ?, activated_at = ?, terms_version = ?, terms_accepted_at = ?
				WHERE enterprise_number = ? AND state = ?""")
			.params(EboxState.ACTIVE.name(), utc(activatedAt), termsVersion, utc(activatedAt), enterprise.digits(),
					EboxState.REGISTERED.name())
			.update() == 1;
	}

	/** Newest registrations first. */
	List<Ebox> page(int offset, int limit) {
		return jdbc.sql("SELECT * FROM enrolment_ebox ORDER BY registered_at DESC, enterprise_number LIMIT ? OFFSET ?")
			.params(limit, offset)
			.query(Eboxes::ebox)
			.list();
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM enrolment_ebox").query(Long.class).single();
	}

	private static Ebox ebox(ResultSet rs, int row) throws SQLException {
		return new Ebox(EnterpriseNumber.parse(rs.getString("enterprise_number")), EboxState.valueOf(rs.getString("state")),
				instant(rs.getObject("registered_at", OffsetDateTime.class)),
				instant(rs.getObject("activated_at", OffsetDateTime.class)), rs.getString("representative_name"),
				rs.getString("email"), rs.getString("letter_language"),
				new AccountId(rs.getObject("main_account_id", UUID.class)), rs.getString("terms_version"));
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}
}
