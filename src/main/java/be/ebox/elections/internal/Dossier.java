package be.ebox.elections.internal;

import java.time.LocalDate;

import be.ebox.registry.EnterpriseNumber;

/**
 * One consultation body of a technical business unit, with its dossier number: what the codes open in the web
 * application. The password hash never leaves the module's services.
 */
public record Dossier(String number, EnterpriseNumber enterprise, String enterpriseName, String language,
		String unitCode, String unitName, ConsultationBody body, LocalDate electionDay, int year, String passwordHash,
		String letterSha256) {

	public LocalDate dayX() {
		return ElectionCalendar.dayX(electionDay);
	}

	@Override
	public String toString() {
		// never the hash in a log line
		return "Dossier[" + number + "]";
	}
}
