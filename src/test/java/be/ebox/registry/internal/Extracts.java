package be.ebox.registry.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small extracts written on the fly, with enterprise numbers no other test uses. */
final class Extracts {

	static final String ENTERPRISE_HEADER = "\"EnterpriseNumber\",\"Status\",\"JuridicalSituation\",\"TypeOfEnterprise\","
			+ "\"JuridicalForm\",\"JuridicalFormCAC\",\"StartDate\"";

	static final String DENOMINATION_HEADER = "\"EntityNumber\",\"Language\",\"TypeOfDenomination\",\"Denomination\"";

	static final String ADDRESS_HEADER = "\"EntityNumber\",\"TypeOfAddress\",\"CountryNL\",\"CountryFR\",\"Zipcode\","
			+ "\"MunicipalityNL\",\"MunicipalityFR\",\"StreetNL\",\"StreetFR\",\"HouseNumber\",\"Box\",\"ExtraAddressInfo\","
			+ "\"DateStrikingOff\"";

	private Extracts() {
	}

	/** A fresh valid enterprise number in the 06xx range (the sample and the fixtures use others). */
	static String newEnterpriseNumber() {
		long base = 6_000_000 + ThreadLocalRandom.current().nextLong(9_000_000);
		String eight = String.format("%08d", base);
		return eight + String.format("%02d", 97 - base % 97);
	}

	static String formatted(String digits) {
		return digits.substring(0, 4) + "." + digits.substring(4, 7) + "." + digits.substring(7);
	}

	static String enterpriseLine(String digits, String juridicalSituation) {
		return "\"" + formatted(digits) + "\",\"AC\",\"" + juridicalSituation + "\",\"2\",\"610\",,01-02-2003";
	}

	static String denominationLine(String digits, String language, String name) {
		return "\"" + formatted(digits) + "\",\"" + language + "\",\"001\",\"" + name.replace("\"", "\"\"") + "\"";
	}

	static String addressLine(String digits, String street, String number) {
		return "\"" + formatted(digits) + "\",\"REGO\",,,\"1000\",\"Brussel\",\"Bruxelles\",\"" + street + "\",\"" + street
				+ "\",\"" + number + "\",\"\",\"\",";
	}

	static Path folder(List<String> enterprises, List<String> denominations, List<String> addresses)
			throws IOException {
		Path folder = Files.createTempDirectory("kbo-test");
		write(folder.resolve("enterprise.csv"), ENTERPRISE_HEADER, enterprises);
		write(folder.resolve("denomination.csv"), DENOMINATION_HEADER, denominations);
		write(folder.resolve("address.csv"), ADDRESS_HEADER, addresses);
		return folder;
	}

	/** The files of {@code folder} zipped under a sub-folder, as some downloads are. */
	static Path zip(Path folder) throws IOException {
		Path zip = Files.createTempFile("kbo-test", ".zip");
		try (var out = new ZipOutputStream(Files.newOutputStream(zip)); var files = Files.list(folder)) {
			for (Path file : files.toList()) {
				out.putNextEntry(new ZipEntry("KboOpenData_0142_2025_06_Full/" + file.getFileName()));
				Files.copy(file, out);
				out.closeEntry();
			}
		}
		return zip;
	}

	private static void write(Path file, String header, List<String> lines) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write((header + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
		}
	}
}
