package be.ebox.access;

import java.util.Optional;

import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;

/** Who may read which e-Box, as what {@link Reader}. Empty means: this e-Box does not exist for the caller. */
public interface ReadingRights {

	/** A person signed in to the web pages, opening the e-Box of an enterprise. */
	Optional<Reader> ofPerson(AccountId account, EnterpriseNumber ebox);

	/** An enterprise's software, by the OAuth2 client id and the enterprise its token was issued for. */
	Optional<Reader> ofSoftware(String clientId, EnterpriseNumber ebox);
}
