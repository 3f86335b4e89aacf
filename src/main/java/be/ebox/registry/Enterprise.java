package be.ebox.registry;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * An enterprise as the registry knows it.
 *
 * @param names denomination (type 001) per language code (nl, fr, de, en, or "" when unknown)
 * @param registeredOffice the REGO address, when the extract has a valid one
 */
public record Enterprise(EnterpriseNumber number, String status, String juridicalSituation, Type type,
		LocalDate startDate, Map<String, String> names, Optional<PostalAddress> registeredOffice) {

	public enum Type { NATURAL_PERSON, LEGAL_PERSON, UNKNOWN;

		public static Type ofCode(String code) {
			return switch (code == null ? "" : code.strip()) {
				case "1" -> NATURAL_PERSON;
				case "2" -> LEGAL_PERSON;
				default -> UNKNOWN;
			};
		}
	}

	/**
	 * KBO juridical situations of a living entity (normal, legal creation, extension, substitution,
	 * start of identification); every other code is a dissolution, liquidation, bankruptcy or closure.
	 */
	private static final java.util.Set<String> NORMAL_SITUATIONS = java.util.Set.of("000", "001", "002", "003", "006");

	/** An active legal entity: status AC, a legal person, in a normal juridical situation. */
	public boolean isActiveLegalEntity() {
		return "AC".equals(status) && type == Type.LEGAL_PERSON
				&& (juridicalSituation == null || juridicalSituation.isBlank() || NORMAL_SITUATIONS.contains(juridicalSituation));
	}

	/** The name in the given language, else the first one known. */
	public String name(String language) {
		String name = names.get(language);
		if (name != null) {
			return name;
		}
		return names.values().stream().findFirst().orElse(number.formatted());
	}
}
