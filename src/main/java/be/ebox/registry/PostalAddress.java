package be.ebox.registry;

/** A Belgian postal address as in the extract, with the Dutch and French variants of its names. */
public record PostalAddress(String streetNl, String streetFr, String houseNumber, String box, String zipcode,
		String municipalityNl, String municipalityFr, String countryNl, String countryFr) {

	/** Street line in the given language (nl or fr; de and en fall back to the variant that exists). */
	public String streetLine(String language) {
		String street = pick(language, streetNl, streetFr);
		String line = street + " " + (houseNumber == null ? "" : houseNumber);
		if (box != null && !box.isBlank()) {
			line += " box " + box;
		}
		return line.strip();
	}

	public String municipalityLine(String language) {
		return ((zipcode == null ? "" : zipcode) + " " + pick(language, municipalityNl, municipalityFr)).strip();
	}

	private static String pick(String language, String nl, String fr) {
		boolean preferFrench = "fr".equals(language);
		String first = preferFrench ? fr : nl;
		String second = preferFrench ? nl : fr;
		return first != null && !first.isBlank() ? first : (second == null ? "" : second);
	}
}
