package be.ebox.registry.internal;

import java.time.DateTimeException;
import java.time.LocalDate;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.InvalidEnterpriseNumberException;

/** Checks and converts single fields of the extract; every failure is a {@link MalformedLineException}. */
final class KboFields {

	private KboFields() {
	}

	/** Empty (or blank) fields are null; other text is stripped and must fit {@code maxLength}. */
	static String text(String value, String column, int maxLength) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.indexOf('\u0000') >= 0) {
			throw new MalformedLineException(column + " holds a NUL character");
		}
		if (text.length() > maxLength) {
			throw new MalformedLineException(column + " longer than " + maxLength + " characters");
		}
		return text;
	}

	static String required(String value, String column, int maxLength) {
		String text = text(value, column, maxLength);
		if (text == null) {
			throw new MalformedLineException(column + " is empty");
		}
		return text;
	}

	/** A dd-MM-yyyy date (day and month may have one digit); null when empty. */
	static LocalDate date(String value, String column) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		int first = text.indexOf('-');
		int second = text.indexOf('-', first + 1);
		if (first < 1 || first > 2 || second - first < 2 || second - first > 3 || text.length() - second != 5) {
			throw new MalformedLineException(column + " is not a dd-MM-yyyy date: " + shown(text));
		}
		try {
			return LocalDate.of(Integer.parseInt(text.substring(second + 1)),
					Integer.parseInt(text.substring(first + 1, second)), Integer.parseInt(text.substring(0, first)));
		}
		catch (NumberFormatException | DateTimeException ex) {
			throw new MalformedLineException(column + " is not a valid dd-MM-yyyy date: " + shown(text));
		}
	}

	/** An enterprise number (0200.065.765), as its ten digits. */
	static String enterpriseNumber(String value, String column) {
		try {
			return EnterpriseNumber.parse(value).digits();
		}
		catch (InvalidEnterpriseNumberException ex) {
			throw new MalformedLineException(column + " is not a valid enterprise number ("
					+ ex.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "): " + shown(value));
		}
	}

	/** An establishment unit number (2.000.000.339): ten digits starting with 2, same mod-97 check. */
	static String establishmentNumber(String value, String column) {
		String digits = value == null ? "" : value.strip().replace(".", "");
		if (digits.length() != 10 || digits.charAt(0) != '2' || !allDigits(digits)) {
			throw new MalformedLineException(column + " is not an establishment unit number: " + shown(value));
		}
		if (!checkDigitsValid(digits)) {
			throw new MalformedLineException(column + " has wrong check digits: " + shown(value));
		}
		return digits;
	}

	/** An enterprise or establishment unit number, as in denomination.csv and address.csv. */
	static String entityNumber(String value, String column) {
		String stripped = value == null ? "" : value.strip();
		return stripped.startsWith("2") ? establishmentNumber(stripped, column) : enterpriseNumber(stripped, column);
	}

	static boolean checkDigitsValid(String tenDigits) {
		long base = Long.parseLong(tenDigits.substring(0, 8));
		int check = Integer.parseInt(tenDigits.substring(8));
		return 97 - (base % 97) == check;
	}

	private static boolean allDigits(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	/** Quotes a bad value for the error list, cut short: reasons stay small and never carry a whole line. */
	static String shown(String value) {
		if (value == null) {
			return "(empty)";
		}
		return "\"" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\"";
	}
}
