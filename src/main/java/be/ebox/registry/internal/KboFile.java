package be.ebox.registry.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The files of the KBO/BCE extract that we read, with the header each must have. */
enum KboFile {

	META("meta.csv", List.of("Variable", "Value")),
	ENTERPRISE("enterprise.csv", List.of("EnterpriseNumber", "Status", "JuridicalSituation", "TypeOfEnterprise",
			"JuridicalForm", "JuridicalFormCAC", "StartDate")),
	ESTABLISHMENT("establishment.csv", List.of("EstablishmentNumber", "StartDate", "EnterpriseNumber")),
	DENOMINATION("denomination.csv", List.of("EntityNumber", "Language", "TypeOfDenomination", "Denomination")),
	ADDRESS("address.csv", List.of("EntityNumber", "TypeOfAddress", "CountryNL", "CountryFR", "Zipcode",
			"MunicipalityNL", "MunicipalityFR", "StreetNL", "StreetFR", "HouseNumber", "Box", "ExtraAddressInfo",
			"DateStrikingOff"));

	/** The order of an import: meta first (snapshot date), then the entities, then what hangs on them. */
	static final List<KboFile> IMPORT_ORDER = List.of(META, ENTERPRISE, ESTABLISHMENT, DENOMINATION, ADDRESS);

	private final String fileName;

	private final List<String> header;

	KboFile(String fileName, List<String> header) {
		this.fileName = fileName;
		this.header = header;
	}

	String fileName() {
		return fileName;
	}

	List<String> header() {
		return header;
	}

	int columns() {
		return header.size();
	}

	/** The file a path or zip entry name stands for (its last segment, case ignored); empty for the files we skip. */
	static Optional<KboFile> forName(String pathOrEntryName) {
		String name = pathOrEntryName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
		for (KboFile file : values()) {
			if (file.fileName.equals(name)) {
				return Optional.of(file);
			}
		}
		return Optional.empty();
	}
}
