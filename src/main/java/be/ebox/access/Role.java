package be.ebox.access;

/** A person's role inside one enterprise's e-Box. */
public enum Role {
	MAIN_ACCESS_MANAGER, ACCESS_MANAGER, USER;

	public boolean managesAccess() {
		return this != USER;
	}
}
