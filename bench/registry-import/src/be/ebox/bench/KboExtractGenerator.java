package be.ebox.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * Writes a synthetic KBO/BCE open-data extract (meta, code, enterprise, establishment, denomination, address CSV
 * files) in the exact layout of the real one, for the registry import benchmark. Deterministic for a given seed.
 *
 * <p>Usage: {@code java be.ebox.bench.KboExtractGenerator <outDir> [enterprises=2000000] [seed=20250607]}
 *
 * <p>Proportions follow the mid-2025 extract: about 0.85 establishment units, 1.6 denominations and 1.9 addresses
 * (one REGO per enterprise, one BAET per establishment unit) per enterprise. Like the real files, denomination.csv
 * and address.csv are sorted by entity number, so enterprise rows come first and establishment-unit rows after them:
 * establishment rows go to a side file during the single pass and are appended at the end.
 */
public final class KboExtractGenerator {

	private static final int BUFFER = 1 << 20;

	private final SplittableRandom random;
	private final Rows rows = new Rows();
	private final StringBuilder line = new StringBuilder(256);

	private KboExtractGenerator(long seed) {
		this.random = new SplittableRandom(seed);
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 1) {
			System.err.println("usage: KboExtractGenerator <outDir> [enterprises=2000000] [seed=20250607]");
			System.exit(2);
		}
		Path out = Path.of(args[0]);
		int enterprises = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 2_000_000;
		long seed = args.length > 2 ? Long.parseLong(args[2]) : 20250607L;
		if (enterprises < 1 || enterprises > 8_000_000) {
			throw new IllegalArgumentException("enterprises must be between 1 and 8 000 000");
		}
		long start = System.nanoTime();
		Files.createDirectories(out);
		var generator = new KboExtractGenerator(seed);
		generator.write(out, enterprises);
		double seconds = (System.nanoTime() - start) / 1e9;
		Rows r = generator.rows;
		System.out.printf(java.util.Locale.ROOT,
				"generated %s: enterprise=%d establishment=%d (%.2f/ent) denomination=%d (%.2f/ent) address=%d (%.2f/ent) total=%d rows, %.1f MB in %.1f s%n",
				out, r.enterprise, r.establishment, r.establishment / (double) enterprises, r.denomination,
				r.denomination / (double) enterprises, r.address, r.address / (double) enterprises, r.total(),
				size(out) / 1e6, seconds);
	}

	private void write(Path out, int enterprises) throws IOException {
		Path denominationUnits = out.resolve("denomination.units.tmp");
		Path addressUnits = out.resolve("address.units.tmp");
		try (Writer enterprise = open(out.resolve("enterprise.csv"));
				Writer establishment = open(out.resolve("establishment.csv"));
				Writer denomination = open(out.resolve("denomination.csv"));
				Writer address = open(out.resolve("address.csv"));
				Writer unitDenomination = open(denominationUnits);
				Writer unitAddress = open(addressUnits)) {
			enterprise.write("\"EnterpriseNumber\",\"Status\",\"JuridicalSituation\",\"TypeOfEnterprise\",\"JuridicalForm\",\"JuridicalFormCAC\",\"StartDate\"\n");
			establishment.write("\"EstablishmentNumber\",\"StartDate\",\"EnterpriseNumber\"\n");
			denomination.write("\"EntityNumber\",\"Language\",\"TypeOfDenomination\",\"Denomination\"\n");
			address.write("\"EntityNumber\",\"TypeOfAddress\",\"CountryNL\",\"CountryFR\",\"Zipcode\",\"MunicipalityNL\",\"MunicipalityFR\",\"StreetNL\",\"StreetFR\",\"HouseNumber\",\"Box\",\"ExtraAddressInfo\",\"DateStrikingOff\"\n");
			// spread the numbers over the whole 0200.000.000-1999.999.999 range like the real register
			long enterpriseBase = 2_000_000L;
			int maxStep = (int) Math.max(1, Math.min(16, 2 * 17_000_000L / enterprises - 1));
			long unitBase = 20_000_000L;
			int maxUnitStep = (int) Math.max(1, Math.min(4, 2 * 9_000_000L / enterprises - 1));
			for (int i = 0; i < enterprises; i++) {
				enterpriseBase += 1 + random.nextInt(maxStep);
				String number = Numbers.enterprise(enterpriseBase);
				boolean naturalPerson = random.nextInt(100) < 38;
				int startYear = 1900 + (int) Math.min(125, Math.round(Math.sqrt(random.nextDouble()) * 126));
				enterprise(enterprise, number, naturalPerson, startYear);
				int language = Names.language(random);
				Names.Company name = Names.company(random, naturalPerson);
				denominations(denomination, number, name, language, naturalPerson);
				Places.Place place = Places.place(random, language);
				address(address, number, "REGO", place);
				int units = unitCount();
				for (int u = 0; u < units; u++) {
					unitBase += 1 + random.nextInt(maxUnitStep);
					String unit = Numbers.establishment(unitBase);
					int unitYear = startYear + random.nextInt(2026 - startYear);
					line.setLength(0);
					line.append('"').append(unit).append("\",");
					date(unitYear);
					line.append(",\"").append(number).append("\"\n");
					establishment.append(line);
					rows.establishment++;
					if (random.nextInt(100) < 33) {
						denomination(unitDenomination, unit, language, "003", Names.tradeName(random, name));
					}
					address(unitAddress, unit, "BAET", u == 0 && random.nextInt(100) < 60 ? place
							: Places.place(random, language));
				}
			}
		}
		append(out.resolve("denomination.csv"), denominationUnits);
		append(out.resolve("address.csv"), addressUnits);
		writeMeta(out);
		writeCodes(out);
	}

	/** 0 units for ~35 %, one for ~53 %, a few or many for the rest: mean ≈ 0.87. */
	private int unitCount() {
		int dice = random.nextInt(1000);
		if (dice < 350) {
			return 0;
		}
		if (dice < 885) {
			return 1;
		}
		if (dice < 960) {
			return 2;
		}
		if (dice < 990) {
			return 3;
		}
		return 4 + random.nextInt(7);
	}

	private void enterprise(Writer out, String number, boolean naturalPerson, int startYear) throws IOException {
		line.setLength(0);
		line.append('"').append(number).append("\",\"AC\",\"");
		line.append(random.nextInt(100) < 97 ? "000" : random.nextBoolean() ? "012" : "100").append("\",\"");
		line.append(naturalPerson ? '1' : '2').append("\",");
		if (!naturalPerson) {
			line.append('"').append(Names.juridicalForm(random)).append('"');
		}
		line.append(',');
		if (!naturalPerson && startYear >= 2019 && random.nextInt(100) < 40) {
			line.append("\"610\"");
		}
		line.append(',');
		date(startYear);
		line.append('\n');
		out.append(line);
		rows.enterprise++;
	}

	private void denominations(Writer out, String number, Names.Company name, int language, boolean naturalPerson)
			throws IOException {
		denomination(out, number, language, "001", name.name(language));
		if (!naturalPerson && language != 3 && random.nextInt(100) < 13) {
			// bilingual registered name (Brussels, federal bodies)
			denomination(out, number, language == 2 ? 1 : 2, "001", name.name(language == 2 ? 1 : 2));
		}
		if (!naturalPerson && random.nextInt(100) < 11) {
			denomination(out, number, language, "002", name.abbreviation());
		}
		if (random.nextInt(100) < 18) {
			denomination(out, number, language, "003", Names.tradeName(random, name));
		}
	}

	private void denomination(Writer out, String entity, int language, String type, String text) throws IOException {
		line.setLength(0);
		line.append('"').append(entity).append("\",\"").append(language).append("\",\"").append(type).append("\",");
		quoted(text);
		line.append('\n');
		out.append(line);
		rows.denomination++;
	}

	private void address(Writer out, String entity, String type, Places.Place place) throws IOException {
		line.setLength(0);
		line.append('"').append(entity).append("\",\"").append(type).append("\",");
		if (place.countryNl() != null) {
			quoted(place.countryNl());
			line.append(',');
			quoted(place.countryFr());
		}
		else {
			line.append(',');
		}
		line.append(',');
		quoted(place.zipcode());
		line.append(',');
		quoted(place.municipalityNl());
		line.append(',');
		quoted(place.municipalityFr());
		line.append(',');
		quoted(place.streetNl());
		line.append(',');
		quoted(place.streetFr());
		line.append(",\"").append(1 + random.nextInt(random.nextInt(100) < 80 ? 120 : 600));
		if (random.nextInt(100) < 4) {
			line.append((char) ('A' + random.nextInt(4)));
		}
		line.append("\",\"");
		int box = random.nextInt(100);
		if (box < 12) {
			line.append(box < 6 ? "b" : "bus ").append(1 + random.nextInt(40));
		}
		else if (box < 15) {
			line.append(String.format("%04d", random.nextInt(300)));
		}
		line.append("\",\"");
		if (random.nextInt(1000) < 8) {
			line.append(random.nextBoolean() ? "Bloc B" : "Gebouw \"\"Noord\"\"");
		}
		line.append("\",");
		if (random.nextInt(1000) < 15) {
			date(2020 + random.nextInt(6));
		}
		line.append('\n');
		out.append(line);
		rows.address++;
	}

	private void date(int year) {
		int month = 1 + random.nextInt(12);
		int day = 1 + random.nextInt(28);
		line.append((char) ('0' + day / 10)).append((char) ('0' + day % 10)).append('-');
		line.append((char) ('0' + month / 10)).append((char) ('0' + month % 10)).append('-').append(year);
	}

	/** A text field in double quotes, inner quotes doubled (RFC 4180, as the real extract). */
	private void quoted(String text) {
		line.append('"');
		if (text.indexOf('"') < 0) {
			line.append(text);
		}
		else {
			line.append(text.replace("\"", "\"\""));
		}
		line.append('"');
	}

	private static void writeMeta(Path out) throws IOException {
		Files.writeString(out.resolve("meta.csv"), """
				"Variable","Value"
				"SnapshotDate","07-06-2025"
				"ExtractTimestamp","08-06-2025 07:22:53"
				"ExtractType","full"
				"ExtractNumber","140"
				"Version","1.0.0"
				""", StandardCharsets.UTF_8);
	}

	private static void writeCodes(Path out) throws IOException {
		try (InputStream in = KboExtractGenerator.class.getResourceAsStream("code.csv")) {
			if (in != null) {
				Files.copy(in, out.resolve("code.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	private static Writer open(Path file) throws IOException {
		return new BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
				BUFFER);
	}

	private static void append(Path target, Path part) throws IOException {
		try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.APPEND);
				InputStream in = Files.newInputStream(part)) {
			in.transferTo(out);
		}
		Files.delete(part);
	}

	private static long size(Path dir) throws IOException {
		try (var files = Files.list(dir)) {
			return files.mapToLong(f -> f.toFile().length()).sum();
		}
	}

	private static final class Rows {
		long enterprise;
		long establishment;
		long denomination;
		long address;

		long total() {
			return enterprise + establishment + denomination + address;
		}
	}
}
