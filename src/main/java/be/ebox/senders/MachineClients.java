package be.ebox.senders;

import java.util.List;
import java.util.Optional;

import be.ebox.registry.EnterpriseNumber;

/** Creates, lists and revokes the OAuth2 client-credentials clients of machines. */
public interface MachineClients {

	/** A new client for a sender application, with the publication scopes and a generated secret. */
	IssuedClient createForApplication(SenderApplicationId application, String actor);

	/** A new client for an enterprise's own software, with the consultation scopes and a generated secret. */
	IssuedClient createForEnterprise(EnterpriseNumber enterprise, String actor);

	/** Revokes a client: no new token is issued to it (tokens already issued live out their short lifetime). */
	void revoke(String clientId, String actor);

	Optional<MachineClient> find(String clientId);

	List<MachineClient> ofApplication(SenderApplicationId application);

	List<MachineClient> ofEnterprise(EnterpriseNumber enterprise);
}
