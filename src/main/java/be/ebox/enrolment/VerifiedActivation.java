package be.ebox.enrolment;

import java.io.Serializable;
import java.util.UUID;

/**
 * An activation code that was just proven by the person at the keyboard; the password step needs it.
 * Serializable because the activation pages keep it in the (database-backed) session, never in the page.
 *
 * @param accountId the main access manager's account id ({@code AccountId#value()})
 * @param codeId which code was proven: when a newer letter voids it, completing the activation fails
 */
public record VerifiedActivation(UUID accountId, UUID codeId, String enterpriseDigits, String username)
		implements Serializable {

	public be.ebox.identity.AccountId account() {
		return new be.ebox.identity.AccountId(accountId);
	}
}
