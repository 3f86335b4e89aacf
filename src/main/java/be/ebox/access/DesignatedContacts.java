package be.ebox.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;

/**
 * The person an enterprise's access managers named to act on a message type (for the social elections: the person
 * responsible for them), for the notifications: they receive the alerts for that type.
 */
public interface DesignatedContacts {

	/**
	 * The designated contact of the message type in the e-Box, when one is named and is still an active member of
	 * the enterprise who may read that type (a contact whose grant ended is no longer answered).
	 */
	Optional<AccountId> contactFor(EnterpriseNumber ebox, MessageTypeId type);

	/** Every active person of the enterprise who may read the type right now (roles and grants; not mandates). */
	List<AccountId> readersOf(EnterpriseNumber ebox, MessageTypeId type, boolean isProtected);

	/**
	 * {@link #contactFor} and {@link #readersOf} for many e-Boxes at once (the notifications' batch of alerts): the
	 * designated contacts and the members of all of them are read with one query each when the lookup is made; the
	 * answers are those of the two methods at that moment. Only people found there have their rights read.
	 */
	Lookup lookup(Set<EnterpriseNumber> eboxes);

	/** The answers of a {@link #lookup} for the e-Boxes it was made for. */
	interface Lookup {

		Optional<AccountId> contactFor(EnterpriseNumber ebox, MessageTypeId type);

		List<AccountId> readersOf(EnterpriseNumber ebox, MessageTypeId type, boolean isProtected);
	}
}
