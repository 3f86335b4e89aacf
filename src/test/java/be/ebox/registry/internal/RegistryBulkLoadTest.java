package be.ebox.registry.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.EnterpriseRegistry;
import be.ebox.registry.ImportStatus;
import be.ebox.registry.RegistryImports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static be.ebox.registry.internal.Extracts.enterpriseLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The bulk load of empty tables on PostgreSQL (keys dropped, built after the load). The shared test database is never
 * empty, so these tests drive the key handling directly, on rows of their own; on H2 there is nothing to test.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RegistryBulkLoadTest {

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

	/** A key twice in the loaded rows: the build removes the earlier row, keeps the last one, reports the rest. */
	@Test
	void keepsTheLastRowOfADuplicateKeyAndReportsIt() throws Exception {
		assumeThat(store.dropsKeys()).isTrue();
		String number = Extracts.newEnterpriseNumber();
		long id = journal.create("bulk", "test");
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			store.dropKeys(connection, KboFile.ENTERPRISE);
			store.prepare(connection);
			store.enterprises(connection, List.of(new KboRow.EnterpriseRow(number, "AC", "000", "2", "610", null, null)), true);
			connection.commit();
			store.enterprises(connection, List.of(new KboRow.EnterpriseRow(number, "AC", "012", "2", "610", null, null)), true);
			connection.commit();
			store.finish(connection);
			connection.setAutoCommit(true);
		}
		assertThat(count(number)).isEqualTo(2);

		new KboKeyBuilder(dataSource, store, journal, id, List.of(KboFile.ENTERPRISE)).finish();

		try (Connection connection = dataSource.getConnection()) {
			assertThat(store.missingKeys(connection)).isEmpty();
		}
		assertThat(count(number)).isOne();
		assertThat(registry.find(EnterpriseNumber.parse(number)).orElseThrow().juridicalSituation()).isEqualTo("012");
		ImportStatus status = journal.status(id, 10).orElseThrow();
		assertThat(status.errorCount()).isOne();
		assertThat(status.errors()).singleElement().satisfies(error -> {
			assertThat(error.file()).isEqualTo("enterprise.csv");
			assertThat(error.reason()).contains("last one was kept");
		});
	}

	/** Keys left missing by a load that died midway come back before the next import writes anything. */
	@Test
	void anImportRestoresKeysThatAnInterruptedLoadLeftMissing() throws Exception {
		assumeThat(store.dropsKeys()).isTrue();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			for (KboFile file : List.of(KboFile.ENTERPRISE, KboFile.ESTABLISHMENT, KboFile.DENOMINATION,
					KboFile.ADDRESS)) {
				store.dropKeys(connection, file);
			}
			assertThat(store.missingKeys(connection)).hasSize(4);
			connection.setAutoCommit(true);
		}
		String number = Extracts.newEnterpriseNumber();
		Path folder = Extracts.folder(List.of(enterpriseLine(number, "000")), List.of(), List.of());

		assertThat(imports.run(folder, "test").state()).isEqualTo(ImportStatus.State.DONE);
		assertThat(imports.run(folder, "test").state()).isEqualTo(ImportStatus.State.DONE);

		try (Connection connection = dataSource.getConnection()) {
			assertThat(store.missingKeys(connection)).isEmpty();
		}
		assertThat(count(number)).isOne();
	}

	private long count(String number) {
		return jdbc.sql("SELECT COUNT(*) FROM registry_enterprise WHERE enterprise_number = ?").param(number)
			.query(Long.class).single();
	}
}
