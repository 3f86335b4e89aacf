package be.ebox.senders;

import java.time.Instant;
import java.util.Optional;

import be.ebox.registry.EnterpriseNumber;

/** An OAuth2 client of a machine: a sender application's (publication) or an enterprise's (consultation). */
public record MachineClient(String clientId, Optional<SenderApplicationId> application,
		Optional<EnterpriseNumber> enterprise, Instant createdAt, String createdBy, Optional<Instant> revokedAt) {

	public boolean isActive() {
		return revokedAt.isEmpty();
	}
}
