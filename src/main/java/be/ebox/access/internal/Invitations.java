package be.ebox.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import be.ebox.access.Role;
import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.identity.Account;
import be.ebox.identity.AccountId;
import be.ebox.identity.AccountState;
import be.ebox.identity.Accounts;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.EnterpriseRegistry;
import be.ebox.system.Languages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static be.ebox.access.internal.MemberTable.at;
import static be.ebox.access.internal.MemberTable.instant;

/**
 * Invitations: an access manager invites a person by e-mail; the one-time link (only its SHA-256 is stored) lets the
 * person create a login or link the one they have, once, before it expires. Accepting is a conditional update of the
 * invitation row, so a replayed or concurrent second use finds it taken and changes nothing.
 */
@Service
class Invitations {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final JdbcClient jdbc;

	private final AccessManagement management;

	private final MemberTable members;

	private final Accounts accounts;

	private final EnterpriseRegistry registry;

	private final InvitationMail mail;

	private final InvitationProperties properties;

	private final AuditTrail audit;

	private final Clock clock;

	Invitations(JdbcClient jdbc, AccessManagement management, MemberTable members, Accounts accounts,
			EnterpriseRegistry registry, InvitationMail mail, InvitationProperties properties, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.management = management;
		this.members = members;
		this.accounts = accounts;
		this.registry = registry;
		this.mail = mail;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/** Invites a person; the e-mail is sent before the transaction commits, so a refused mail leaves nothing. */
	@Transactional
	Invitation invite(Actor actor, EnterpriseNumber enterprise, String email, String displayName, String language) {
		management.requireManager(actor, enterprise);
		String address = email == null ? "" : email.strip();
		String name = displayName == null ? "" : displayName.strip();
		if (!EMAIL.matcher(address).matches() || address.length() > 320) {
			throw new AccessRuleException("access.invitation.email.invalid");
		}
		if (name.isEmpty() || name.length() > 200) {
			throw new AccessRuleException("access.invitation.name.required");
		}
		String lang = Languages.isSupported(language) ? language : "nl";
		Instant now = clock.instant();
		String token = newToken();
		var invitation = new Invitation(UUID.randomUUID(), enterprise, address, name, lang,
				now.plus(properties.invitationValidity()), null, null);
		jdbc.sql("""
				INSERT INTO access_invitation (id, enterprise_number, email, display_name, language, token_hash, invited_by,
					created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(invitation.id(), enterprise.digits(), address, name, lang, hash(token), actor.name(), at(now),
					at(invitation.expiresAt()))
			.update();
		mail.send(invitation, enterpriseName(enterprise, lang), token);
		// last: the audit trail holds its writers until this transaction ends, so not during the SMTP exchange
		audit.record(AuditEvent.of(actor.name(), "ACCESS_INVITED", enterprise, "email=" + address));
		return invitation;
	}

	List<Invitation> open(Actor actor, EnterpriseNumber enterprise) {
		management.requireManager(actor, enterprise);
		return jdbc.sql("""
				SELECT * FROM access_invitation WHERE enterprise_number = ? AND accepted_at IS NULL AND withdrawn_at IS NULL
				AND expires_at > ? ORDER BY created_at DESC""")
			.params(enterprise.digits(), at(clock.instant()))
			.query(Invitations::invitation)
			.list();
	}

	@Transactional
	void withdraw(Actor actor, EnterpriseNumber enterprise, UUID id) {
		management.requireManager(actor, enterprise);
		int updated = jdbc.sql("""
				UPDATE access_invitation SET withdrawn_at = ? WHERE id = ? AND enterprise_number = ?
				AND accepted_at IS NULL AND withdrawn_at IS NULL""")
			.params(at(clock.instant()), id, enterprise.digits())
			.update();
		if (updated == 0) {
			throw AccessManagement.notFound();
		}
		audit.record(AuditEvent.of(actor.name(), "ACCESS_INVITATION_WITHDRAWN", enterprise, "invitation=" + id));
	}

	/** The invitation of a link, while it may still be accepted. */
	Optional<Invitation> findOpen(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT * FROM access_invitation WHERE token_hash = ?")
			.param(hash(token))
			.query(Invitations::invitation)
			.optional()
			.filter(invitation -> invitation.openAt(clock.instant()));
	}

	/** Creates a login for the invited person and makes them a user of the enterprise. */
	@Transactional
	AccountId acceptWithNewAccount(String token, String username, String password) {
		Invitation invitation = findOpen(token).orElseThrow(() -> new AccessRuleException("access.invitation.invalid"));
		AccountId account = accounts.createPending(username, invitation.displayName(), invitation.email(),
				invitation.language());
		accounts.choosePassword(account, password);
		join(token, invitation, account, username);
		return account;
	}

	/** Links the login of a signed-in person (e.g. of another enterprise) to the enterprise of the invitation. */
	@Transactional
	void acceptWithExistingAccount(String token, AccountId account) {
		Invitation invitation = findOpen(token).orElseThrow(() -> new AccessRuleException("access.invitation.invalid"));
		Account existing = accounts.find(account).filter(a -> a.state() == AccountState.ACTIVE && !a.operator())
			.orElseThrow(() -> new AccessRuleException("access.invitation.accountNotAllowed"));
		if (members.find(invitation.enterprise(), account).isPresent()) {
			throw new AccessRuleException("access.invitation.alreadyMember");
		}
		join(token, invitation, account, existing.username());
	}

	private void join(String token, Invitation invitation, AccountId account, String username) {
		Instant now = clock.instant();
		int claimed = jdbc.sql("""
				UPDATE access_invitation SET accepted_at = ?, accepted_by = ?
				WHERE token_hash = ? AND accepted_at IS NULL AND withdrawn_at IS NULL AND expires_at > ?""")
			.params(at(now), account.value(), hash(token), at(now))
			.update();
		if (claimed != 1) {
			throw new AccessRuleException("access.invitation.invalid");
		}
		members.insert(invitation.enterprise(), account, Role.USER, now);
		audit.record(AuditEvent.of(username, "ACCESS_INVITATION_ACCEPTED", invitation.enterprise(),
				"email=" + invitation.email()));
	}

	String enterpriseName(EnterpriseNumber enterprise, String language) {
		return registry.find(enterprise).map(e -> e.name(language)).orElse(enterprise.formatted());
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Invitation invitation(ResultSet rs, int row) throws SQLException {
		return new Invitation(rs.getObject("id", UUID.class), EnterpriseNumber.parse(rs.getString("enterprise_number")),
				rs.getString("email"), rs.getString("display_name"), rs.getString("language"),
				instant(rs.getObject("expires_at", OffsetDateTime.class)),
				instant(rs.getObject("accepted_at", OffsetDateTime.class)),
				instant(rs.getObject("withdrawn_at", OffsetDateTime.class)));
	}
}
