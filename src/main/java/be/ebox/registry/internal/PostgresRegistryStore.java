package be.ebox.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;

import be.ebox.registry.internal.KboRow.AddressRow;
import be.ebox.registry.internal.KboRow.DenominationRow;
import be.ebox.registry.internal.KboRow.EnterpriseRow;
import be.ebox.registry.internal.KboRow.EstablishmentRow;
import be.ebox.system.CopyRows;

/**
 * PostgreSQL: each batch is COPYed (text format, see {@link CopyRows}) into a session-local staging table, then
 * moved with one {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE}. COPY is the fastest way in; the upsert keeps the
 * import idempotent. The staging tables are {@code TEMP ... ON COMMIT DELETE ROWS}: every batch starts empty. Into a
 * table that was empty when the import began (the first full load, the one that takes long) a batch is COPYed
 * straight into the registry table, whose keys the importer has dropped ({@link PostgresRegistryKeys}); when the keys
 * are there (a caller that did not drop them) a key collision sends the batch back to the staged path.
 * Values only ever travel as COPY data, never inside SQL text.
 */
class PostgresRegistryStore implements RegistryStore {

	private static final String UNIQUE_VIOLATION = "23505";

	/** Each writer thread encodes its batches into its own reused buffer. */
	private static final ThreadLocal<CopyRows> BUFFER = ThreadLocal.withInitial(CopyRows::new);

	/** COPY and the upsert are server-side work: a second connection puts a second database core to use. */
	@Override
	public int writers() {
		return 2;
	}

	@Override
	public boolean dropsKeys() {
		return true;
	}

	@Override
	public List<KboFile> missingKeys(Connection connection) throws SQLException {
		return PostgresRegistryKeys.present(connection).entrySet().stream()
			.filter(entry -> !entry.getValue())
			.map(entry -> entry.getKey().file())
			.toList();
	}

	@Override
	public void dropKeys(Connection connection, KboFile file) throws SQLException {
		PostgresRegistryKeys.drop(connection, PostgresRegistryKeys.of(file));
		connection.commit();
	}

	@Override
	public long restoreKeys(Connection connection, KboFile file) throws SQLException {
		return PostgresRegistryKeys.restore(connection, PostgresRegistryKeys.of(file));
	}

	@Override
	public void prepare(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			// a crash may lose the last few commits (never corrupts): the import then shows less progress than it
			// made and is simply run again; meanwhile no batch waits for a WAL flush
			statement.execute("SET synchronous_commit = off");
			// batches are small statements: compiling them (JIT) costs more than it saves
			statement.execute("SET jit = off");
			// entity_number: the collation of the registry's key columns (V10), compared with them in deleteOthers
			statement.execute("""
					CREATE TEMP TABLE IF NOT EXISTS registry_stage_enterprise (enterprise_number CHAR(10),
					status VARCHAR(4), juridical_situation VARCHAR(4), type_of_enterprise VARCHAR(2),
					juridical_form VARCHAR(4), juridical_form_cac VARCHAR(4), start_date DATE) ON COMMIT DELETE ROWS""");
			statement.execute("""
					CREATE TEMP TABLE IF NOT EXISTS registry_stage_establishment (establishment_number CHAR(10),
					enterprise_number CHAR(10), start_date DATE) ON COMMIT DELETE ROWS""");
			statement.execute("""
					CREATE TEMP TABLE IF NOT EXISTS registry_stage_denomination (entity_number CHAR(10) COLLATE "C",
					language CHAR(1), type_of_denomination CHAR(3), denomination VARCHAR(320), import_id BIGINT)
					ON COMMIT DELETE ROWS""");
			statement.execute("""
					CREATE TEMP TABLE IF NOT EXISTS registry_stage_address (entity_number CHAR(10) COLLATE "C",
					type_of_address VARCHAR(4), country_nl VARCHAR(100), country_fr VARCHAR(100), zipcode VARCHAR(20),
					municipality_nl VARCHAR(200), municipality_fr VARCHAR(200), street_nl VARCHAR(200),
					street_fr VARCHAR(200), house_number VARCHAR(40), box VARCHAR(40), extra_address_info VARCHAR(200),
					date_striking_off DATE, import_id BIGINT) ON COMMIT DELETE ROWS""");
		}
		connection.commit();
	}

	@Override
	public void finish(Connection connection) throws SQLException {
		connection.rollback();
		try (Statement statement = connection.createStatement()) {
			statement.execute("RESET synchronous_commit");
			statement.execute("RESET jit");
		}
		connection.commit();
	}

	@Override
	public void enterprises(Connection connection, Collection<EnterpriseRow> rows, boolean wasEmpty)
			throws SQLException {
		CopyRows data = BUFFER.get().clear();
		for (EnterpriseRow row : rows) {
			data.text(row.enterpriseNumber()).text(row.status()).text(row.juridicalSituation())
				.text(row.typeOfEnterprise()).text(row.juridicalForm()).text(row.juridicalFormCac())
				.date(row.startDate()).endRow();
		}
		if (wasEmpty && copyDirect(connection, "registry_enterprise (enterprise_number, status, juridical_situation, "
				+ "type_of_enterprise, juridical_form, juridical_form_cac, start_date)", data)) {
			return;
		}
		copy(connection, "registry_stage_enterprise", data);
		update(connection, """
				INSERT INTO registry_enterprise (enterprise_number, status, juridical_situation, type_of_enterprise,
				juridical_form, juridical_form_cac, start_date)
				SELECT enterprise_number, status, juridical_situation, type_of_enterprise, juridical_form,
				juridical_form_cac, start_date FROM registry_stage_enterprise
				ON CONFLICT (enterprise_number) DO UPDATE SET status = EXCLUDED.status,
				juridical_situation = EXCLUDED.juridical_situation, type_of_enterprise = EXCLUDED.type_of_enterprise,
				juridical_form = EXCLUDED.juridical_form, juridical_form_cac = EXCLUDED.juridical_form_cac,
				start_date = EXCLUDED.start_date
				WHERE (registry_enterprise.status, registry_enterprise.juridical_situation,
				registry_enterprise.type_of_enterprise, registry_enterprise.juridical_form,
				registry_enterprise.juridical_form_cac, registry_enterprise.start_date)
				IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.juridical_situation, EXCLUDED.type_of_enterprise,
				EXCLUDED.juridical_form, EXCLUDED.juridical_form_cac, EXCLUDED.start_date)""", null);
	}

	@Override
	public void establishments(Connection connection, Collection<EstablishmentRow> rows, boolean wasEmpty)
			throws SQLException {
		CopyRows data = BUFFER.get().clear();
		for (EstablishmentRow row : rows) {
			data.text(row.establishmentNumber()).text(row.enterpriseNumber()).date(row.startDate()).endRow();
		}
		if (wasEmpty && copyDirect(connection,
				"registry_establishment (establishment_number, enterprise_number, start_date)", data)) {
			return;
		}
		copy(connection, "registry_stage_establishment", data);
		update(connection, """
				INSERT INTO registry_establishment (establishment_number, enterprise_number, start_date)
				SELECT establishment_number, enterprise_number, start_date FROM registry_stage_establishment
				ON CONFLICT (establishment_number) DO UPDATE SET enterprise_number = EXCLUDED.enterprise_number,
				start_date = EXCLUDED.start_date
				WHERE (registry_establishment.enterprise_number, registry_establishment.start_date)
				IS DISTINCT FROM (EXCLUDED.enterprise_number, EXCLUDED.start_date)""", null);
	}

	@Override
	public void denominations(Connection connection, long importId, Collection<DenominationRow> rows, boolean wasEmpty)
			throws SQLException {
		CopyRows data = BUFFER.get().clear();
		for (DenominationRow row : rows) {
			data.text(row.entityNumber()).text(row.language()).text(row.typeOfDenomination()).text(row.denomination())
				.number(importId).endRow();
		}
		if (wasEmpty && copyDirect(connection, "registry_denomination (entity_number, language, type_of_denomination, "
				+ "denomination, import_id)", data)) {
			return;
		}
		copy(connection, "registry_stage_denomination", data);
		if (!wasEmpty) {
			deleteOthers(connection, "registry_denomination", "registry_stage_denomination", importId);
		}
		update(connection, """
				INSERT INTO registry_denomination (entity_number, language, type_of_denomination, denomination, import_id)
				SELECT entity_number, language, type_of_denomination, denomination, import_id
				FROM registry_stage_denomination
				ON CONFLICT (entity_number, type_of_denomination, language, denomination)
				DO UPDATE SET import_id = EXCLUDED.import_id""", null);
	}

	@Override
	public void addresses(Connection connection, long importId, Collection<AddressRow> rows, boolean wasEmpty)
			throws SQLException {
		CopyRows data = BUFFER.get().clear();
		for (AddressRow row : rows) {
			data.text(row.entityNumber()).text(row.typeOfAddress()).text(row.countryNl()).text(row.countryFr())
				.text(row.zipcode()).text(row.municipalityNl()).text(row.municipalityFr()).text(row.streetNl())
				.text(row.streetFr()).text(row.houseNumber()).text(row.box()).text(row.extraAddressInfo())
				.date(row.dateStrikingOff()).number(importId).endRow();
		}
		if (wasEmpty && copyDirect(connection, "registry_address (entity_number, type_of_address, country_nl, "
				+ "country_fr, zipcode, municipality_nl, municipality_fr, street_nl, street_fr, house_number, box, "
				+ "extra_address_info, date_striking_off, import_id)", data)) {
			return;
		}
		copy(connection, "registry_stage_address", data);
		if (!wasEmpty) {
			deleteOthers(connection, "registry_address", "registry_stage_address", importId);
		}
		update(connection, """
				INSERT INTO registry_address (entity_number, type_of_address, country_nl, country_fr, zipcode,
				municipality_nl, municipality_fr, street_nl, street_fr, house_number, box, extra_address_info,
				date_striking_off, import_id)
				SELECT entity_number, type_of_address, country_nl, country_fr, zipcode, municipality_nl,
				municipality_fr, street_nl, street_fr, house_number, box, extra_address_info, date_striking_off,
				import_id FROM registry_stage_address
				ON CONFLICT (entity_number, type_of_address) DO UPDATE SET country_nl = EXCLUDED.country_nl,
				country_fr = EXCLUDED.country_fr, zipcode = EXCLUDED.zipcode,
				municipality_nl = EXCLUDED.municipality_nl, municipality_fr = EXCLUDED.municipality_fr,
				street_nl = EXCLUDED.street_nl, street_fr = EXCLUDED.street_fr, house_number = EXCLUDED.house_number,
				box = EXCLUDED.box, extra_address_info = EXCLUDED.extra_address_info,
				date_striking_off = EXCLUDED.date_striking_off, import_id = EXCLUDED.import_id""", null);
	}

	/**
	 * Deletes the rows that other imports wrote for the entities of the batch. The planner knows nothing of the
	 * staging table (never analysed) and would scan the whole registry table for each batch; a nested loop over the
	 * batch's entities with the primary-key index is what we want, so the other joins are switched off for this
	 * transaction. {@code table} and {@code stage} are our constants, never input.
	 */
	private static void deleteOthers(Connection connection, String table, String stage, long importId)
			throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET LOCAL enable_hashjoin = off");
			statement.execute("SET LOCAL enable_mergejoin = off");
		}
		update(connection, "DELETE FROM " + table + " d USING (SELECT DISTINCT entity_number FROM " + stage
				+ ") s WHERE d.entity_number = s.entity_number AND d.import_id <> ?", importId);
	}

	/**
	 * The fast path of a first import: COPY straight into the (empty at start) registry table. Only a key seen in an
	 * earlier batch can collide; then the batch goes back to its savepoint and takes the staged upsert instead.
	 */
	private static boolean copyDirect(Connection connection, String tableAndColumns, CopyRows data)
			throws SQLException {
		Savepoint savepoint = connection.setSavepoint();
		try {
			copy(connection, tableAndColumns, data);
			connection.releaseSavepoint(savepoint);
			return true;
		}
		catch (SQLException ex) {
			if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
				throw ex;
			}
			connection.rollback(savepoint);
			return false;
		}
	}

	/** {@code table} is one of our table names (with its column list), never input. */
	private static void copy(Connection connection, String table, CopyRows rows) throws SQLException {
		rows.copyInto(connection, table);
	}

	private static void update(Connection connection, String sql, Long importId) throws SQLException {
		try (var statement = connection.prepareStatement(sql)) {
			if (importId != null) {
				statement.setLong(1, importId);
			}
			statement.executeUpdate();
		}
	}
}
