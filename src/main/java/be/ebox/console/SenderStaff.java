package be.ebox.console;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;

/** Who works in the sender console for which sender organisation: one organisation per person account. */
public interface SenderStaff {

	/**
	 * Makes the account staff of the organisation (moving it from another one, if any).
	 * @param assignedBy who did it, for the audit trail
	 * @throws IllegalArgumentException when the account does not exist, is the operator, or the organisation is not a
	 * sender organisation
	 */
	void assign(AccountId account, EnterpriseNumber organisation, String assignedBy);

	/** @return whether the account was staff */
	boolean remove(AccountId account, String removedBy);

	Optional<EnterpriseNumber> organisationOf(AccountId account);

	List<Member> members();

	record Member(AccountId account, String username, String displayName, EnterpriseNumber organisation,
			Instant assignedAt) {
	}
}
