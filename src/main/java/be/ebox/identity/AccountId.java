package be.ebox.identity;

import java.io.Serializable;
import java.util.UUID;

/** Serializable because the signed-in {@link EboxUser} holds one and sessions are stored in the database. */
public record AccountId(UUID value) implements Serializable {

	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
