package be.ebox.console.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.console.SenderStaff;
import be.ebox.identity.Account;
import be.ebox.identity.AccountId;
import be.ebox.identity.Accounts;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Staff in the table {@code console_staff}; every change goes to the audit trail. */
@Repository
class JdbcSenderStaff implements SenderStaff {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final ReferenceData referenceData;

	private final AuditTrail audit;

	private final Clock clock;

	JdbcSenderStaff(JdbcClient jdbc, Accounts accounts, ReferenceData referenceData, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.referenceData = referenceData;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void assign(AccountId account, EnterpriseNumber organisation, String assignedBy) {
		Account person = accounts.find(account)
			.orElseThrow(() -> new IllegalArgumentException("No account " + account));
		if (person.operator()) {
			throw new IllegalArgumentException("The operator account cannot be sender staff");
		}
		if (referenceData.organisation(organisation).isEmpty()) {
			throw new IllegalArgumentException("Not a sender organisation: " + organisation.formatted());
		}
		if (organisationOf(account).filter(organisation::equals).isPresent()) {
			return;
		}
		jdbc.sql("DELETE FROM console_staff WHERE account_id = ?").param(account.value()).update();
		jdbc.sql("INSERT INTO console_staff (account_id, organisation, assigned_at, assigned_by) VALUES (?, ?, ?, ?)")
			.params(account.value(), organisation.digits(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
					assignedBy)
			.update();
		audit.record(AuditEvent.of(assignedBy, "SENDER_STAFF_ASSIGNED", organisation, "account " + person.username()));
	}

	@Override
	@Transactional
	public boolean remove(AccountId account, String removedBy) {
		var organisation = organisationOf(account);
		if (organisation.isEmpty()) {
			return false;
		}
		jdbc.sql("DELETE FROM console_staff WHERE account_id = ?").param(account.value()).update();
		String username = accounts.find(account).map(Account::username).orElse(account.toString());
		audit.record(AuditEvent.of(removedBy, "SENDER_STAFF_REMOVED", organisation.get(), "account " + username));
		return true;
	}

	@Override
	public Optional<EnterpriseNumber> organisationOf(AccountId account) {
		return jdbc.sql("SELECT organisation FROM console_staff WHERE account_id = ?")
			.param(account.value())
			.query(String.class)
			.optional()
			.map(EnterpriseNumber::parse);
	}

	@Override
	public List<Member> members() {
		return jdbc.sql("SELECT account_id, organisation, assigned_at FROM console_staff ORDER BY organisation, assigned_at")
			.query((rs, row) -> {
				var id = new AccountId(rs.getObject("account_id", UUID.class));
				var person = accounts.find(id);
				return new Member(id, person.map(Account::username).orElse("?"),
						person.map(Account::displayName).orElse("?"), EnterpriseNumber.parse(rs.getString("organisation")),
						rs.getObject("assigned_at", OffsetDateTime.class).toInstant());
			})
			.list();
	}
}
