package be.ebox.access.internal;

import java.util.List;

import be.ebox.access.Role;
import be.ebox.identity.AccountId;

/** A person with a role in an enterprise, as listed on the access pages, with their grants. */
record Member(AccountId account, String username, String displayName, String email, Role role, boolean active,
		List<Grant> grants) {

	public boolean isMain() {
		return role == Role.MAIN_ACCESS_MANAGER;
	}

	public boolean managesAccess() {
		return active && role.managesAccess();
	}
}
