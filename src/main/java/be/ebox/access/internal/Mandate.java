package be.ebox.access.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;

/**
 * A client enterprise lets a service provider read chosen message types of its e-Box during [startsAt, endsAt),
 * until revoked. The provider's access managers work on it and assign their users ({@code assignees}).
 */
record Mandate(UUID id, EnterpriseNumber client, EnterpriseNumber provider, Instant startsAt, Instant endsAt,
		Instant revokedAt, Set<MessageTypeId> types, Set<AccountId> assignees) {

	boolean activeAt(Instant now) {
		return revokedAt == null && !startsAt.isAfter(now) && endsAt.isAfter(now);
	}
}
