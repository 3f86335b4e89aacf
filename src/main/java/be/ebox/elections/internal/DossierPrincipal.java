package be.ebox.elections.internal;

import java.io.Serializable;

/** Who is signed in to the web application: a dossier, not a person account (sessions are stored, so serializable). */
public record DossierPrincipal(String dossierNumber) implements Serializable {

	@Override
	public String toString() {
		return dossierNumber;
	}
}
