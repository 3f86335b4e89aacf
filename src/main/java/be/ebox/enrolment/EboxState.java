package be.ebox.enrolment;

/** Where an enterprise's e-Box stands; an enterprise that never registered has no state at all. */
public enum EboxState {
	/** Registered; the activation letter is on its way to the registered office. */
	REGISTERED,
	/** Activated by its main access manager. */
	ACTIVE
}
