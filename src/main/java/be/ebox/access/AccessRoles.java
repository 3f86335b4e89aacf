package be.ebox.access;

import java.util.List;

import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;

/** Who holds which role in which e-Box. */
public interface AccessRoles {

	/** Makes the account the main access manager of the enterprise; fails when it already has one. */
	void appointMainAccessManager(EnterpriseNumber enterprise, AccountId account);

	/** The roles of an account, one per enterprise, ordered by enterprise number (not those deactivated there). */
	List<EnterpriseRole> rolesOf(AccountId account);

	/** The client e-Boxes the person reads right now as a service provider's member, under a mandate in force. */
	List<EnterpriseNumber> mandatedEboxes(AccountId account);
}
