package be.ebox.enrolment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.identity.AccountId;
import be.ebox.registry.Enterprise;
import be.ebox.registry.EnterpriseNumber;
import org.springframework.stereotype.Component;

/** Issues activation letters: a new code, its PDF, a place in the postal outbox and an audit record. */
@Component
class ActivationLetters {

	private final ActivationCodes codes;

	private final ActivationLetterPdf pdf;

	private final PostalOutbox outbox;

	private final AuditTrail audit;

	private final Clock clock;

	ActivationLetters(ActivationCodes codes, ActivationLetterPdf pdf, PostalOutbox outbox, AuditTrail audit, Clock clock) {
		this.codes = codes;
		this.pdf = pdf;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
	}

	Instant now() {
		return clock.instant();
	}

	/** Puts a letter with a fresh code in the postal outbox (caller's transaction) and returns the code. */
	String issue(Enterprise enterprise, String representativeName, String language, AccountId account, String username,
			boolean reissue, String actor) {
		EnterpriseNumber number = enterprise.number();
		var code = codes.issue(number, account);
		String addressee = enterprise.name(language);
		byte[] letter = pdf.render(new ActivationLetterPdf.Content(language, addressee, number,
				enterprise.registeredOffice().orElseThrow(), representativeName, username, code.code(), clock.instant(),
				code.expiresAt()));
		UUID letterId = outbox.add(number, code.id(), addressee, language, letter);
		audit.record(AuditEvent.of(actor, reissue ? "ACTIVATION_LETTER_REISSUED" : "ACTIVATION_LETTER_ISSUED", number,
				"letter " + letterId + " for " + username + ", code valid until " + code.expiresAt()));
		return code.code();
	}

	/** Stops the codes of the enterprise at once and voids its unprinted letters. */
	void voidOpen(EnterpriseNumber number) {
		codes.voidOpen(number);
		outbox.voidUnprinted(number);
	}
}
