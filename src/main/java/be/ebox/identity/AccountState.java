package be.ebox.identity;

public enum AccountState {
	/** Created (e.g. at registration); signs in only through activation. */
	PENDING_ACTIVATION,
	ACTIVE,
	DEACTIVATED
}
