package be.ebox.registry.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static be.ebox.registry.internal.KboFields.date;
import static be.ebox.registry.internal.KboFields.enterpriseNumber;
import static be.ebox.registry.internal.KboFields.entityNumber;
import static be.ebox.registry.internal.KboFields.establishmentNumber;
import static be.ebox.registry.internal.KboFields.required;
import static be.ebox.registry.internal.KboFields.text;

/**
 * Streams one CSV file of the extract record by record ({@link KboCsvSplitter} never holds more than a buffer):
 * checks the header, turns every line into a {@link KboRow} or an error with its line number, and goes on.
 */
final class KboCsvReader {

	/** Receives the rows and the malformed lines of a file, in file order. */
	interface Sink {

		void row(KboRow row);

		void error(String file, long line, String reason);
	}

	private KboCsvReader() {
	}

	/** Reads {@code in} (UTF-8) to its end; does not close it. */
	static void read(KboFile file, String fileName, InputStream in, Sink sink) throws IOException {
		// undecodable bytes become U+FFFD rather than aborting the file; the line then fails a field check or is kept
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		var records = new KboCsvSplitter(withoutByteOrderMark(new InputStreamReader(in, decoder)));
		try {
			if (!records.next()) {
				sink.error(fileName, 1, "empty file, no header line");
				return;
			}
			if (!headerMatches(file, records)) {
				sink.error(fileName, 1, "unknown file structure: header is not " + String.join(",", file.header()));
				return;
			}
			while (records.next()) {
				long line = records.recordLine();
				try {
					sink.row(convert(file, records));
				}
				catch (MalformedLineException ex) {
					sink.error(fileName, line, ex.getMessage());
				}
			}
		}
		catch (KboCsvSplitter.UnsplittableException ex) {
			// an unbalanced quote: the parser cannot find the next line reliably, so the rest of the file is skipped
			sink.error(fileName, records.recordLine(), "unreadable CSV (unbalanced quotes?), rest of the file skipped");
		}
	}

	/** Some tools write a UTF-8 byte order mark; it is not part of the first column name. */
	private static Reader withoutByteOrderMark(Reader reader) throws IOException {
		var pushback = new PushbackReader(new BufferedReader(reader, 65536), 1);
		int first = pushback.read();
		if (first >= 0 && first != '\uFEFF') {
			pushback.unread(first);
		}
		return pushback;
	}

	private static boolean headerMatches(KboFile file, KboCsvSplitter header) {
		if (header.size() != file.columns()) {
			return false;
		}
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).strip();
			if (!name.toLowerCase(Locale.ROOT).equals(file.header().get(i).toLowerCase(Locale.ROOT))) {
				return false;
			}
		}
		return true;
	}

	static KboRow convert(KboFile file, KboCsvSplitter r) {
		if (r.size() != file.columns()) {
			throw new MalformedLineException("expected " + file.columns() + " columns, found " + r.size());
		}
		return switch (file) {
			case META -> new KboRow.Meta(required(r.get(0), "Variable", 100), text(r.get(1), "Value", 200));
			case ENTERPRISE -> new KboRow.EnterpriseRow(enterpriseNumber(r.get(0), "EnterpriseNumber"),
					required(r.get(1), "Status", 4), text(r.get(2), "JuridicalSituation", 4),
					text(r.get(3), "TypeOfEnterprise", 2), text(r.get(4), "JuridicalForm", 4),
					text(r.get(5), "JuridicalFormCAC", 4), date(r.get(6), "StartDate"));
			case ESTABLISHMENT -> new KboRow.EstablishmentRow(establishmentNumber(r.get(0), "EstablishmentNumber"),
					date(r.get(1), "StartDate"), enterpriseNumber(r.get(2), "EnterpriseNumber"));
			case DENOMINATION -> new KboRow.DenominationRow(entityNumber(r.get(0), "EntityNumber"),
					required(r.get(1), "Language", 1), required(r.get(2), "TypeOfDenomination", 3),
					required(r.get(3), "Denomination", 320));
			case ADDRESS -> new KboRow.AddressRow(entityNumber(r.get(0), "EntityNumber"),
					required(r.get(1), "TypeOfAddress", 4), text(r.get(2), "CountryNL", 100),
					text(r.get(3), "CountryFR", 100), text(r.get(4), "Zipcode", 20),
					text(r.get(5), "MunicipalityNL", 200), text(r.get(6), "MunicipalityFR", 200),
					text(r.get(7), "StreetNL", 200), text(r.get(8), "StreetFR", 200),
					text(r.get(9), "HouseNumber", 40), text(r.get(10), "Box", 40),
					text(r.get(11), "ExtraAddressInfo", 200), date(r.get(12), "DateStrikingOff"));
		};
	}
}
