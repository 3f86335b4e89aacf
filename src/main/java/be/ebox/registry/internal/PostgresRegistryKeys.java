package be.ebox.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The primary keys (and the establishment index) of the registry tables on PostgreSQL, dropped for the bulk load of
 * an empty table and built again after it.
 * <p>
 * Why: maintaining four b-trees row by row made PostgreSQL do 3.3× the work of a plain COPY; one sorted build after
 * the load costs a fraction of that. Only a table that is empty when the import begins loses its keys, so an
 * application reading the registry meanwhile finds nothing in it either way (no reader can see a half-loaded table
 * through a slow plan: it sees no rows until the batches commit, then rows without an index). {@link #restore} runs
 * whatever happened to the import (in a {@code finally}), and at the start of every import, so that keys lost by a
 * crash in the middle of a load come back before any upsert needs them. A key that occurs twice in the files (the
 * extract should not have any) makes the build fail; the earlier rows of that key are then deleted, the physically
 * last one kept (with batches appended in file order that is the file's last line, as an upsert would have done), and
 * the build repeated. No ANALYZE afterwards: building an index records the table's size for the planner, which is
 * what the registry's look-ups by key need (and autovacuum analyses the table later). Names and columns are those of
 * V2__registry.sql; all SQL here is constant text.
 */
final class PostgresRegistryKeys {

	/** One table's keys: the primary key's name and columns, and a secondary index (or null). */
	record Keys(KboFile file, String table, String primaryKey, String columns, String index, String indexColumns) {
	}

	static final List<Keys> ALL = List.of(
			new Keys(KboFile.ENTERPRISE, "registry_enterprise", "registry_enterprise_pkey", "enterprise_number", null,
					null),
			new Keys(KboFile.ESTABLISHMENT, "registry_establishment", "registry_establishment_pkey",
					"establishment_number", "registry_establishment_enterprise", "enterprise_number"),
			new Keys(KboFile.DENOMINATION, "registry_denomination", "registry_denomination_pk",
					"entity_number, type_of_denomination, language, denomination", null, null),
			new Keys(KboFile.ADDRESS, "registry_address", "registry_address_pk", "entity_number, type_of_address", null,
					null));

	private static final String UNIQUE_VIOLATION = "23505";

	private PostgresRegistryKeys() {
	}

	static Keys of(KboFile file) {
		return ALL.stream().filter(keys -> keys.file() == file).findFirst().orElseThrow();
	}

	/** Drops the keys of {@code keys}' table (committed at once: the load runs in other transactions). */
	static void drop(Connection connection, Keys keys) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			if (keys.index() != null) {
				statement.execute("DROP INDEX IF EXISTS " + keys.index());
			}
			String primaryKey = primaryKeyName(connection, keys.table());
			if (primaryKey != null) {
				statement.execute("ALTER TABLE " + keys.table() + " DROP CONSTRAINT " + primaryKey);
			}
		}
	}

	/**
	 * Builds the keys of the table unless they exist; returns how many duplicate rows had to go first (0 normally).
	 * Runs in its own transaction on {@code connection} (auto-commit off).
	 */
	static long restore(Connection connection, Keys keys) throws SQLException {
		long removed = 0;
		boolean indexMissing = keys.index() != null && !indexExists(connection, keys.index());
		if (!indexMissing && primaryKeyName(connection, keys.table()) != null) {
			return 0;
		}
		try (Statement statement = connection.createStatement()) {
			// the sort of a few million keys fits in memory instead of spilling to temporary files
			statement.execute("SET LOCAL maintenance_work_mem = '256MB'");
			if (primaryKeyName(connection, keys.table()) == null) {
				try {
					statement.execute("SAVEPOINT registry_keys");
					addPrimaryKey(statement, keys);
					statement.execute("RELEASE SAVEPOINT registry_keys");
				}
				catch (SQLException ex) {
					if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
						throw ex;
					}
					statement.execute("ROLLBACK TO SAVEPOINT registry_keys");
					removed = statement.executeUpdate("DELETE FROM " + keys.table() + " a USING " + keys.table()
							+ " b WHERE (" + prefixed("a", keys.columns()) + ") = (" + prefixed("b", keys.columns())
							+ ") AND a.ctid < b.ctid");
					addPrimaryKey(statement, keys);
				}
			}
			if (indexMissing) {
				statement.execute("CREATE INDEX IF NOT EXISTS " + keys.index() + " ON " + keys.table() + " ("
						+ keys.indexColumns() + ")");
			}
		}
		connection.commit();
		return removed;
	}

	/** Whether every key exists (a cheap catalog look-up, done before each import). */
	static Map<Keys, Boolean> present(Connection connection) throws SQLException {
		Map<Keys, Boolean> present = new LinkedHashMap<>();
		for (Keys keys : ALL) {
			boolean index = keys.index() == null || indexExists(connection, keys.index());
			present.put(keys, index && primaryKeyName(connection, keys.table()) != null);
		}
		return present;
	}

	private static void addPrimaryKey(Statement statement, Keys keys) throws SQLException {
		statement.execute("ALTER TABLE " + keys.table() + " ADD CONSTRAINT " + keys.primaryKey() + " PRIMARY KEY ("
				+ keys.columns() + ")");
	}

	private static String prefixed(String alias, String columns) {
		return alias + "." + columns.replace(", ", ", " + alias + ".");
	}

	private static String primaryKeyName(Connection connection, String table) throws SQLException {
		try (var query = connection.prepareStatement(
				"SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(?) AND contype = 'p'")) {
			query.setString(1, table);
			try (var result = query.executeQuery()) {
				return result.next() ? result.getString(1) : null;
			}
		}
	}

	private static boolean indexExists(Connection connection, String index) throws SQLException {
		try (var query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			query.setString(1, index);
			try (var result = query.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}
}
