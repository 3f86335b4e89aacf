package be.ebox.access.internal;

import java.time.Instant;
import java.util.UUID;

import be.ebox.registry.EnterpriseNumber;

/** An invitation to join an enterprise's e-Box as a user, sent by e-mail with a one-time link. */
record Invitation(UUID id, EnterpriseNumber enterprise, String email, String displayName, String language,
		Instant expiresAt, Instant acceptedAt, Instant withdrawnAt) {

	boolean openAt(Instant now) {
		return acceptedAt == null && withdrawnAt == null && expiresAt.isAfter(now);
	}
}
