package be.ebox.registry.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import be.ebox.registry.Enterprise;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.EnterpriseRegistry;
import be.ebox.registry.ImportStatus;
import be.ebox.registry.ImportStatus.ImportError;
import be.ebox.registry.RegistryImports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static be.ebox.registry.internal.Extracts.addressLine;
import static be.ebox.registry.internal.Extracts.denominationLine;
import static be.ebox.registry.internal.Extracts.enterpriseLine;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
class RegistryImportTest {

	@Autowired
	RegistryImports imports;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	RegistryStore store;

	@Autowired
	ImportJournal journal;

	@Test
	void importsTheSampleTwiceWithoutDuplicates() {
		long audits = count("SELECT COUNT(*) FROM audit_record WHERE action = 'REGISTRY_IMPORT'");
		ImportStatus first = imports.importSample("test");
		Map<String, Long> after = tableCounts();
		ImportStatus second = imports.importSample("test");

		assertThat(tableCounts()).isEqualTo(after);
		for (ImportStatus status : List.of(first, second)) {
			assertThat(status.state()).isEqualTo(ImportStatus.State.DONE);
			assertThat(status.rowsRead()).isEqualTo(61);
			assertThat(status.rowsImported()).isEqualTo(61);
			assertThat(status.errorCount()).isZero();
			assertThat(status.percent()).isEqualTo(100);
			assertThat(status.bytesRead()).isEqualTo(status.totalBytes()).isPositive();
		}
		assertThat(second.id()).isGreaterThan(first.id());
		assertThat(jdbc.sql("SELECT snapshot_date FROM registry_import WHERE id = ?").param(first.id())
			.query(java.time.LocalDate.class).single()).isEqualTo("2025-06-01");
		assertThat(count("SELECT COUNT(*) FROM audit_record WHERE action = 'REGISTRY_IMPORT'")).isEqualTo(audits + 4);
	}

	@Test
	void findsTheSampleEnterprisesWithNamesAndAddresses() {
		imports.importSample("test");

		Enterprise veneco = registry.find(EnterpriseNumber.parse("0200.065.765")).orElseThrow();
		assertThat(veneco.name("nl")).isEqualTo("Intergemeentelijke Vereniging Veneco");
		assertThat(veneco.isActiveLegalEntity()).isTrue();
		assertThat(veneco.registeredOffice()).get().satisfies(address -> {
			assertThat(address.municipalityLine("nl")).isEqualTo("9060 Zelzate");
			assertThat(address.streetLine("nl")).isEqualTo("Havenlaan 2");
		});

		Enterprise coffee = registry.find(EnterpriseNumber.parse("0412.345.614")).orElseThrow();
		assertThat(coffee.names()).containsEntry("nl", "Brusselse Koffiebranderij").containsEntry("fr", "Brûlerie Bruxelloise");
		assertThat(coffee.registeredOffice().orElseThrow().streetLine("fr")).isEqualTo("Rue du Chêne 16");
		assertThat(registry.establishmentUnits(coffee.number())).containsExactly("2123456791", "2123456890", "2123456989");

		assertThat(registry.find(EnterpriseNumber.parse("0512.345.684")).orElseThrow().type())
			.isEqualTo(Enterprise.Type.NATURAL_PERSON);
		assertThat(registry.find(EnterpriseNumber.parse("0523.456.738")).orElseThrow().isActiveLegalEntity()).isFalse();
		assertThat(registry.find(EnterpriseNumber.parse("0430.123.437")).orElseThrow().name("de")).isEqualTo("Eifeler Holzbau");
		assertThat(registry.find(EnterpriseNumber.parse("0912.345.673")).orElseThrow().name("nl"))
			.isEqualTo("Café \"De Kroon\", Gent");
		assertThat(registry.find(EnterpriseNumber.parse("1001.234.592"))).isPresent();
	}

	@Test
	void reImportUpdatesRowsAndReplacesTheNamesAndAddressesOfAnEntity() throws Exception {
		String number = Extracts.newEnterpriseNumber();
		Path before = Extracts.folder(List.of(enterpriseLine(number, "000")),
				List.of(denominationLine(number, "2", "Oude Naam"), denominationLine(number, "1", "Ancien Nom")),
				List.of(addressLine(number, "Eikstraat", "1")));
		Path after = Extracts.folder(List.of(enterpriseLine(number, "014")),
				List.of(denominationLine(number, "2", "Nieuwe Naam")), List.of(addressLine(number, "Lindestraat", "9")));

		assertThat(imports.run(before, "test").state()).isEqualTo(ImportStatus.State.DONE);
		assertThat(registry.find(EnterpriseNumber.parse(number)).orElseThrow().names()).containsOnlyKeys("nl", "fr");
		assertThat(imports.run(after, "test").state()).isEqualTo(ImportStatus.State.DONE);

		Enterprise enterprise = registry.find(EnterpriseNumber.parse(number)).orElseThrow();
		assertThat(enterprise.names()).isEqualTo(Map.of("nl", "Nieuwe Naam"));
		assertThat(enterprise.juridicalSituation()).isEqualTo("014");
		assertThat(enterprise.registeredOffice().orElseThrow().streetLine("nl")).isEqualTo("Lindestraat 9");
		assertThat(count("SELECT COUNT(*) FROM registry_enterprise WHERE enterprise_number = '" + number + "'")).isOne();
	}

	@Test
	void keepsTheNamesOfAnEntitySpreadOverSeveralBatches() throws Exception {
		String number = Extracts.newEnterpriseNumber();
		Path folder = Extracts.folder(List.of(enterpriseLine(number, "000")),
				List.of(denominationLine(number, "2", "Een"), denominationLine(number, "1", "Un"),
						denominationLine(number, "3", "Eins"), denominationLine(number, "4", "One")),
				List.of());
		var smallBatches = new KboImporter(dataSource, store, journal, 3);
		for (int run = 0; run < 2; run++) {
			long id = journal.create("batches", "test");
			smallBatches.run(id, folder);
			assertThat(journal.status(id, 0).orElseThrow().state()).isEqualTo(ImportStatus.State.DONE);
			assertThat(registry.find(EnterpriseNumber.parse(number)).orElseThrow().names())
				.containsOnlyKeys("nl", "fr", "de", "en");
		}
	}

	/** A first import copies straight into the tables; a key written by an earlier batch sends a batch to the upsert. */
	@Test
	void fallsBackToTheUpsertWhenAFirstImportMeetsAKeyTwice() throws Exception {
		String number = Extracts.newEnterpriseNumber();
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			store.prepare(connection);
			store.enterprises(connection, List.of(new KboRow.EnterpriseRow(number, "AC", "000", "2", "610", null, null)), true);
			store.denominations(connection, 1, List.of(new KboRow.DenominationRow(number, "2", "001", "Eerste")), true);
			connection.commit();
			store.enterprises(connection, List.of(new KboRow.EnterpriseRow(number, "AC", "012", "2", "610", null, null)), true);
			store.denominations(connection, 1, List.of(new KboRow.DenominationRow(number, "2", "001", "Eerste"),
					new KboRow.DenominationRow(number, "1", "001", "Premier")), true);
			connection.commit();
			store.finish(connection);
			connection.setAutoCommit(true);
		}
		Enterprise enterprise = registry.find(EnterpriseNumber.parse(number)).orElseThrow();
		assertThat(enterprise.juridicalSituation()).isEqualTo("012");
		assertThat(enterprise.names()).isEqualTo(Map.of("nl", "Eerste", "fr", "Premier"));
	}

	@Test
	void reportsMalformedLinesAndImportsTheRest() throws Exception {
		Path fixture = new ClassPathResource("kbo-malformed").getFile().toPath();
		ImportStatus status = imports.run(fixture, "test");

		assertThat(status.state()).isEqualTo(ImportStatus.State.DONE);
		assertThat(status.rowsRead()).isEqualTo(8);
		assertThat(status.rowsImported()).isEqualTo(4);
		assertThat(status.errorCount()).isEqualTo(5);
		assertThat(status.errors()).extracting(error -> error.file() + ":" + error.line()).containsExactly(
				"enterprise.csv:3", "enterprise.csv:4", "enterprise.csv:5", "denomination.csv:4", "address.csv:1");
		assertThat(status.errors()).extracting(ImportError::reason).allSatisfy(reason -> assertThat(reason).isNotBlank());
		assertThat(registry.find(EnterpriseNumber.parse("0200.000.142")).orElseThrow().name("nl"))
			.isEqualTo("Foutieve Regels Een");
		assertThat(registry.find(EnterpriseNumber.parse("0200.000.340"))).isPresent();
		assertThat(registry.find(EnterpriseNumber.parse("0200.000.241"))).isEmpty();
		assertThat(imports.status(status.id())).get().extracting(ImportStatus::errorCount).isEqualTo(5L);
	}

	@Test
	void importsAZipLikeAFolder() throws Exception {
		String number = Extracts.newEnterpriseNumber();
		Path folder = Extracts.folder(List.of(enterpriseLine(number, "000")),
				List.of(denominationLine(number, "4", "Zipped Ltd")), List.of(addressLine(number, "Zipstraat", "7")));
		ImportStatus status = imports.run(Extracts.zip(folder), "test");

		assertThat(status.state()).isEqualTo(ImportStatus.State.DONE);
		assertThat(status.rowsImported()).isEqualTo(3);
		assertThat(status.bytesRead()).isEqualTo(status.totalBytes()).isEqualTo(folderSize(folder));
		assertThat(registry.find(EnterpriseNumber.parse(number)).orElseThrow().name("en")).isEqualTo("Zipped Ltd");
	}

	@Test
	void marksAnImportFailedWhenTheSourceCannotBeRead() throws Exception {
		ImportStatus missing = imports.run(Path.of("/nonexistent/kbo.zip"), "test");
		assertThat(missing.state()).isEqualTo(ImportStatus.State.FAILED);
		assertThat(missing.failure()).contains("no such folder or zip file");

		Path notZip = Files.createTempFile("kbo", ".zip");
		Files.writeString(notZip, "not a zip");
		assertThat(imports.run(notZip, "test").failure()).contains("not a zip file");

		assertThat(imports.run(Files.createTempDirectory("empty"), "test").failure()).contains("enterprise.csv");
	}

	@Test
	void startsAnImportInTheBackground() throws Exception {
		String number = Extracts.newEnterpriseNumber();
		Path folder = Extracts.folder(List.of(enterpriseLine(number, "000")), List.of(), List.of());
		long id = imports.start(folder, "test");

		ImportStatus status = awaitEnd(imports, id);
		assertThat(status.state()).isEqualTo(ImportStatus.State.DONE);
		assertThat(status.finishedAt()).isAfterOrEqualTo(status.startedAt());
		assertThat(imports.recent(50)).extracting(ImportStatus::id).contains(id);
		assertThat(registry.find(EnterpriseNumber.parse(number))).isPresent();
	}

	static ImportStatus awaitEnd(RegistryImports imports, long id) throws InterruptedException {
		for (int i = 0; i < 300; i++) {
			ImportStatus status = imports.status(id).orElseThrow();
			if (status.state() != ImportStatus.State.RUNNING) {
				return status;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import " + id + " still running after 30 s");
	}

	private long folderSize(Path folder) throws Exception {
		try (var files = Files.list(folder)) {
			return files.mapToLong(file -> file.toFile().length()).sum();
		}
	}

	private Map<String, Long> tableCounts() {
		return Map.of("enterprise", count("SELECT COUNT(*) FROM registry_enterprise"), "establishment",
				count("SELECT COUNT(*) FROM registry_establishment"), "denomination",
				count("SELECT COUNT(*) FROM registry_denomination"), "address",
				count("SELECT COUNT(*) FROM registry_address"));
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
