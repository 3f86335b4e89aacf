package be.ebox.access;

import java.util.Objects;
import java.util.Set;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;

/**
 * Someone reading one e-Box right now, with the message types they may read in it. Every query for messages is
 * scoped by a reader; what a reader may not read does not exist for them.
 * @param ebox the enterprise whose e-Box is read
 * @param kind a person (web pages) or an enterprise's software (consultation API)
 * @param actor who reads, for the evidence: the account id of a person, the client id of software
 * @param actorEnterprise the enterprise the actor belongs to: the e-Box itself, or a service provider under mandate
 * @param unprotected reads every message of an unprotected type
 * @param allProtected reads every message of a protected type (access managers)
 * @param types further types readable whatever their protection (grants, mandates)
 */
public record Reader(EnterpriseNumber ebox, Kind kind, String actor, EnterpriseNumber actorEnterprise,
		boolean unprotected, boolean allProtected, Set<MessageTypeId> types) {

	public enum Kind {
		PERSON, SOFTWARE
	}

	public Reader {
		Objects.requireNonNull(ebox, "ebox");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(actorEnterprise, "actorEnterprise");
		types = Set.copyOf(types);
	}

	/** A reader of everything in the e-Box (an access manager, the enterprise's own software). */
	public static Reader ofEverything(EnterpriseNumber ebox, Kind kind, String actor) {
		return new Reader(ebox, kind, actor, ebox, true, true, Set.of());
	}

	public boolean mayRead(MessageTypeId type, boolean isProtected) {
		return types.contains(type) || (isProtected ? allProtected : unprotected);
	}

	/** Reads nothing at all: no query needs to run. */
	public boolean readsNothing() {
		return !unprotected && !allProtected && types.isEmpty();
	}
}
