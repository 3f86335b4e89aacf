package be.ebox.identity.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import be.ebox.identity.AccountId;
import be.ebox.identity.Accounts;

/** Unique names and addresses, so that tests sharing one database never meet each other's rows. */
final class IdentityTestData {

	static final String PASSWORD = "Correct-Horse-Battery-9";

	private IdentityTestData() {
	}

	static String username() {
		return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	/** A random address in 10.0.0.0/8: never the 127.0.0.1 every HTTP test comes from. */
	static String address() {
		var random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

	static AccountId activeAccount(Accounts accounts, String username, String language) {
		AccountId id = accounts.createPending(username, "Test " + username, username + "@example.test", language);
		accounts.choosePassword(id, PASSWORD);
		return id;
	}
}
