package be.ebox.senders;

import be.ebox.system.Languages;

/** A text in the four product languages (the contract's {@code TranslatedString} carries nl, fr and de). */
public record TranslatedText(String nl, String fr, String de, String en) {

	/** The text in a language ({@code nl}, {@code fr}, {@code de}, {@code en}), falling back to Dutch when missing. */
	public String in(String language) {
		String text = switch (language == null ? "" : language) {
			case "fr" -> fr;
			case "de" -> de;
			case "en" -> en;
			default -> nl;
		};
		return text == null || text.isBlank() ? nl : text;
	}

	public String in(java.util.Locale locale) {
		return in(Languages.of(locale));
	}

	public boolean isEmpty() {
		return blank(nl) && blank(fr) && blank(de) && blank(en);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
