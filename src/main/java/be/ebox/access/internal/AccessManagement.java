package be.ebox.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import be.ebox.access.Role;
import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditRecord;
import be.ebox.audit.AuditTrail;
import be.ebox.identity.Account;
import be.ebox.identity.AccountId;
import be.ebox.identity.Accounts;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageType;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.ReferenceData;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What access managers do to the people of their enterprise: roles, activation, grants, designated contacts. Every
 * method first checks that the actor is an active access manager of that enterprise (else the enterprise does not
 * exist for them: 404), then the target is a member of that same enterprise (else 404), then the rule of the action
 * ({@link AccessRuleException}). Every change goes to the audit trail in the same transaction.
 */
@Service
class AccessManagement {

	/** Grant end dates are days in Belgium: a grant until the 30th works through the 30th, Brussels time. */
	static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");

	private final MemberTable members;

	private final Accounts accounts;

	private final ReferenceData referenceData;

	private final JdbcDesignatedContacts contacts;

	private final AuditTrail audit;

	private final Clock clock;

	AccessManagement(MemberTable members, Accounts accounts, ReferenceData referenceData, JdbcDesignatedContacts contacts,
			AuditTrail audit, Clock clock) {
		this.members = members;
		this.accounts = accounts;
		this.referenceData = referenceData;
		this.contacts = contacts;
		this.audit = audit;
		this.clock = clock;
	}

	static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	/** The actor's role when they manage access in the enterprise; otherwise the enterprise does not exist for them. */
	Role requireManager(Actor actor, EnterpriseNumber enterprise) {
		return members.activeRole(enterprise, actor.account()).filter(Role::managesAccess).orElseThrow(AccessManagement::notFound);
	}

	private void requireMain(Actor actor, EnterpriseNumber enterprise) {
		if (requireManager(actor, enterprise) != Role.MAIN_ACCESS_MANAGER) {
			throw new AccessRuleException("access.refused.onlyMain");
		}
	}

	private MemberTable.Row target(EnterpriseNumber enterprise, AccountId target) {
		return members.find(enterprise, target).orElseThrow(AccessManagement::notFound);
	}

	List<Member> members(Actor actor, EnterpriseNumber enterprise) {
		requireManager(actor, enterprise);
		return members.all(enterprise).stream().map(row -> member(enterprise, row)).toList();
	}

	Member member(Actor actor, EnterpriseNumber enterprise, AccountId account) {
		requireManager(actor, enterprise);
		return member(enterprise, target(enterprise, account));
	}

	private Member member(EnterpriseNumber enterprise, MemberTable.Row row) {
		Optional<Account> account = accounts.find(row.account());
		return new Member(row.account(), account.map(Account::username).orElse("?"),
				account.map(Account::displayName).orElse("?"), account.map(Account::email).orElse(null), row.role(),
				row.active(), members.grants(enterprise, row.account()));
	}

	/**
	 * The rules for acting on another member: never on oneself or on the main access manager (only a hand-over
	 * changes that role), and only the main access manager acts on access managers.
	 */
	private MemberTable.Row actOn(Actor actor, EnterpriseNumber enterprise, AccountId account) {
		Role mine = requireManager(actor, enterprise);
		MemberTable.Row target = target(enterprise, account);
		if (target.account().equals(actor.account())) {
			throw new AccessRuleException("access.refused.self");
		}
		if (target.role() == Role.MAIN_ACCESS_MANAGER) {
			throw new AccessRuleException("access.refused.main");
		}
		if (target.role() == Role.ACCESS_MANAGER && mine != Role.MAIN_ACCESS_MANAGER) {
			throw new AccessRuleException("access.refused.onlyMain");
		}
		return target;
	}

	@Transactional
	void deactivate(Actor actor, EnterpriseNumber enterprise, AccountId account) {
		actOn(actor, enterprise, account);
		members.setActive(enterprise, account, false, clock.instant());
		record(actor, "ACCESS_MEMBER_DEACTIVATED", enterprise, "member=" + username(account));
	}

	@Transactional
	void reactivate(Actor actor, EnterpriseNumber enterprise, AccountId account) {
		actOn(actor, enterprise, account);
		members.setActive(enterprise, account, true, clock.instant());
		record(actor, "ACCESS_MEMBER_REACTIVATED", enterprise, "member=" + username(account));
	}

	@Transactional
	void remove(Actor actor, EnterpriseNumber enterprise, AccountId account) {
		actOn(actor, enterprise, account);
		members.delete(enterprise, account);
		record(actor, "ACCESS_MEMBER_REMOVED", enterprise, "member=" + username(account));
	}

	@Transactional
	void appoint(Actor actor, EnterpriseNumber enterprise, AccountId account) {
		requireMain(actor, enterprise);
		MemberTable.Row target = actOn(actor, enterprise, account);
		if (target.role() != Role.USER || !target.active()) {
			throw new AccessRuleException("access.refused.notActiveUser");
		}
		members.changeRole(enterprise, account, Role.ACCESS_MANAGER);
		record(actor, "ACCESS_MANAGER_APPOINTED", enterprise, "member=" + username(account));
	}

	@Transactional
	void dismiss(Actor actor, EnterpriseNumber enterprise, AccountId account) {
		requireMain(actor, enterprise);
		MemberTable.Row target = actOn(actor, enterprise, account);
		if (target.role() != Role.ACCESS_MANAGER) {
			throw new AccessRuleException("access.refused.notAccessManager");
		}
		members.changeRole(enterprise, account, Role.USER);
		record(actor, "ACCESS_MANAGER_DISMISSED", enterprise, "member=" + username(account));
	}

	/** The main access manager hands the role to another active member and becomes an access manager. */
	@Transactional
	void handOver(Actor actor, EnterpriseNumber enterprise, AccountId account) {
		requireMain(actor, enterprise);
		MemberTable.Row target = actOn(actor, enterprise, account);
		if (!target.active()) {
			throw new AccessRuleException("access.refused.inactive");
		}
		// the old main first: one main access manager per enterprise at every moment (unique main_of)
		members.changeRole(enterprise, actor.account(), Role.ACCESS_MANAGER);
		members.changeRole(enterprise, account, Role.MAIN_ACCESS_MANAGER);
		record(actor, "ACCESS_MAIN_HANDED_OVER", enterprise, "to=" + username(account));
	}

	/** Grants a protected type to a user, until the end of {@code until} in Belgium (null: no end). */
	@Transactional
	void grant(Actor actor, EnterpriseNumber enterprise, AccountId account, MessageTypeId type, LocalDate until) {
		requireManager(actor, enterprise);
		MemberTable.Row target = target(enterprise, account);
		MessageType messageType = referenceData.findMessageType(type)
			.orElseThrow(() -> new AccessRuleException("access.refused.unknownType"));
		if (!messageType.isProtected()) {
			throw new AccessRuleException("access.refused.unprotected");
		}
		if (target.role() != Role.USER) {
			throw new AccessRuleException("access.refused.managerReadsAll");
		}
		Instant now = clock.instant();
		Instant endsAt = until == null ? null : until.plusDays(1).atStartOfDay(BELGIUM).toInstant();
		if (endsAt != null && !endsAt.isAfter(now)) {
			throw new AccessRuleException("access.refused.endInPast");
		}
		members.grant(enterprise, account, type, endsAt, actor.name(), now);
		record(actor, "ACCESS_GRANTED", enterprise,
				"member=" + username(account) + " type=" + type + (until == null ? "" : " until=" + until));
	}

	@Transactional
	void revoke(Actor actor, EnterpriseNumber enterprise, AccountId account, MessageTypeId type) {
		requireManager(actor, enterprise);
		target(enterprise, account);
		if (!members.revoke(enterprise, account, type)) {
			throw notFound();
		}
		record(actor, "ACCESS_REVOKED", enterprise, "member=" + username(account) + " type=" + type);
	}

	/** Names (or, with a null account, no longer names) the person who must act on a message type. */
	@Transactional
	void designate(Actor actor, EnterpriseNumber enterprise, MessageTypeId type, AccountId account) {
		requireManager(actor, enterprise);
		if (referenceData.findMessageType(type).isEmpty()) {
			throw new AccessRuleException("access.refused.unknownType");
		}
		if (account != null) {
			target(enterprise, account);
		}
		contacts.designate(enterprise, type, account);
		record(actor, "ACCESS_CONTACT_DESIGNATED", enterprise,
				"type=" + type + " contact=" + (account == null ? "-" : username(account)));
	}

	Optional<AccountId> designated(Actor actor, EnterpriseNumber enterprise, MessageTypeId type) {
		requireManager(actor, enterprise);
		return contacts.stored(enterprise, type);
	}

	List<MessageType> messageTypes() {
		return referenceData.messageTypes();
	}

	List<AuditRecord> history(Actor actor, EnterpriseNumber enterprise) {
		requireManager(actor, enterprise);
		// every access-management action is named ACCESS_…; the rest (registration, activation) is not theirs to audit
		return audit.recent(enterprise, 500).stream().filter(r -> r.action().startsWith("ACCESS_")).limit(200).toList();
	}

	String username(AccountId account) {
		return accounts.find(account).map(Account::username).orElse(account.toString());
	}

	private void record(Actor actor, String action, EnterpriseNumber enterprise, String details) {
		audit.record(AuditEvent.of(actor.name(), action, enterprise, details));
	}
}
