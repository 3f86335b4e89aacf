package be.ebox.elections.internal;

import java.util.Locale;
import java.util.Optional;

/** The kinds of consultation body elected per technical business unit. */
public enum ConsultationBody {
	/** ondernemingsraad (OR) / conseil d'entreprise (CE) / Betriebsrat (BR) */
	WORKS_COUNCIL,
	/** comité voor preventie en bescherming op het werk (CPBW) / comité pour la prévention et la protection au travail (CPPT) */
	COMMITTEE;

	/** Also the usual abbreviations in the three national languages. */
	static Optional<ConsultationBody> parse(String text) {
		return switch (text.strip().toUpperCase(Locale.ROOT)) {
			case "WORKS_COUNCIL", "OR", "CE", "BR" -> Optional.of(WORKS_COUNCIL);
			case "COMMITTEE", "CPBW", "CPPT", "AGS" -> Optional.of(COMMITTEE);
			default -> Optional.empty();
		};
	}
}
