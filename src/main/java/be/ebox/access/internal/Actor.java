package be.ebox.access.internal;

import be.ebox.identity.AccountId;
import be.ebox.identity.EboxUser;

/** The signed-in person doing something on the access pages: their account, and their username for the audit. */
record Actor(AccountId account, String name) {

	static Actor of(EboxUser user) {
		return new Actor(user.accountId(), user.getUsername());
	}
}
