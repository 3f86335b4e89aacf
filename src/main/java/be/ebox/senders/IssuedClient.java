package be.ebox.senders;

/**
 * A newly created client with its secret in clear: show it once to whoever created the client, never store or log
 * it (only its hash is kept).
 */
public record IssuedClient(String clientId, String secret) {

	@Override
	public String toString() {
		return "IssuedClient[" + clientId + "]";
	}
}
