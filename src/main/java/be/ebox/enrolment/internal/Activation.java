package be.ebox.enrolment.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.enrolment.ActivationRefusedException;
import be.ebox.enrolment.EboxState;
import be.ebox.enrolment.TermsOfUse;
import be.ebox.enrolment.VerifiedActivation;
import be.ebox.identity.Account;
import be.ebox.identity.AccountId;
import be.ebox.identity.Accounts;
import be.ebox.identity.SignInThrottle;
import be.ebox.registry.EnterpriseNumber;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activation of an e-Box with the code from its letter. Refusals commit (noRollbackFor) so that the audit record
 * and the throttle's count of the failure stay; they are thrown before anything else is written.
 */
@Component
class Activation {

	private final Accounts accounts;

	private final SignInThrottle throttle;

	private final ActivationCodes codes;

	private final Eboxes eboxes;

	private final PostalOutbox outbox;

	private final AuditTrail audit;

	private final Clock clock;

	Activation(Accounts accounts, SignInThrottle throttle, ActivationCodes codes, Eboxes eboxes, PostalOutbox outbox,
			AuditTrail audit, Clock clock) {
		this.accounts = accounts;
		this.throttle = throttle;
		this.codes = codes;
		this.eboxes = eboxes;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = ActivationRefusedException.class)
	VerifiedActivation verify(String username, String code, String clientAddress) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		throttle.checkAllowed(name, clientAddress);
		try {
			VerifiedActivation verified = check(name, code);
			throttle.recordSuccess(name, clientAddress);
			return verified;
		}
		catch (ActivationRefusedException ex) {
			throttle.recordFailure(name, clientAddress);
			throw ex;
		}
	}

	@Transactional(noRollbackFor = ActivationRefusedException.class)
	AccountId activate(String username, String code, String password, String termsVersion) {
		VerifiedActivation verified = check(username == null ? "" : username.strip().toLowerCase(Locale.ROOT), code);
		complete(verified, password, termsVersion);
		return verified.account();
	}

	/** Finds the usable code, else audits the failure and refuses, without saying why. */
	private VerifiedActivation check(String username, String code) {
		Optional<Account> account = username.isEmpty() ? Optional.empty() : accounts.findByUsername(username);
		if (account.isEmpty()) {
			// the typed name is not echoed: people type passwords into username fields
			throw refused("anonymous", null, "unknown username");
		}
		var stored = codes.find(account.get().id(), code);
		if (stored.isEmpty()) {
			throw refused(username, eboxes.enterpriseOf(account.get().id()).orElse(null), "wrong code");
		}
		var enterprise = stored.get().enterprise();
		if (!stored.get().usableAt(clock.instant())) {
			String why = stored.get().usedAt() != null ? "code already used"
					: stored.get().voidedAt() != null ? "code replaced by a newer letter" : "code expired";
			throw refused(username, enterprise, why);
		}
		if (eboxes.state(enterprise).orElse(null) != EboxState.REGISTERED) {
			throw refused(username, enterprise, "e-Box not waiting for activation");
		}
		return new VerifiedActivation(account.get().id().value(), stored.get().id(), enterprise.digits(),
				account.get().username());
	}

	/**
	 * Locks the e-Box row first, so a concurrent activation or new letter waits and then sees the new state;
	 * the code is consumed before the password is set, and a refused password rolls everything back.
	 */
	@Transactional(noRollbackFor = ActivationRefusedException.class)
	void complete(VerifiedActivation verified, String password, String termsVersion) {
		if (!TermsOfUse.CURRENT_VERSION.equals(termsVersion)) {
			throw new IllegalArgumentException("terms version " + termsVersion + " is not the current one");
		}
		EnterpriseNumber enterprise = EnterpriseNumber.parse(verified.enterpriseDigits());
		var ebox = eboxes.findForUpdate(enterprise)
			.filter(e -> e.state() == EboxState.REGISTERED && e.mainAccount().equals(verified.account()));
		if (ebox.isEmpty() || !codes.consume(verified.codeId())) {
			throw refused(verified.username(), enterprise, "code no longer valid at completion");
		}
		accounts.choosePassword(verified.account(), password);
		eboxes.activate(enterprise, clock.instant(), termsVersion);
		// a letter not yet printed is of no use any more (demo data activates before printing): void it, drop its PDF
		codes.voidOpen(enterprise);
		outbox.voidUnprinted(enterprise);
		audit.record(AuditEvent.of(verified.username(), "ACTIVATION", enterprise,
				"e-Box activated, terms of use version " + termsVersion + " accepted"));
	}

	private ActivationRefusedException refused(String actor, EnterpriseNumber enterprise, String why) {
		audit.record(AuditEvent.of(actor, "ACTIVATION_FAILED", enterprise, why));
		return new ActivationRefusedException();
	}
}
