package be.ebox.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import be.ebox.registry.internal.KboRow.AddressRow;
import be.ebox.registry.internal.KboRow.DenominationRow;
import be.ebox.registry.internal.KboRow.EnterpriseRow;
import be.ebox.registry.internal.KboRow.EstablishmentRow;

/**
 * Writes validated batches into the registry tables: the one place where PostgreSQL (COPY into a staging table, then
 * an upsert) and H2 (batched MERGE) differ. Every method runs inside the caller's transaction on {@code connection};
 * the rows of one call have distinct keys. Denominations and addresses replace, per entity, the rows that another
 * import wrote ({@code import_id} tells them apart, so an entity spread over two batches keeps both halves).
 */
interface RegistryStore {

	/** How many connections write batches side by side (each batch is still one transaction). */
	default int writers() {
		return 1;
	}

	/** Once per import, before the first batch (e.g. creates the session's staging tables). */
	default void prepare(Connection connection) throws SQLException {
	}

	/** Once per import, after the last batch, whatever happened (undoes session settings of {@link #prepare}). */
	default void finish(Connection connection) throws SQLException {
	}

	/**
	 * Whether this store loads a table that is empty at the start of an import without its keys and indexes
	 * ({@link #dropKeys}, then {@link #restoreKeys} once the load ended, whatever its outcome).
	 */
	default boolean dropsKeys() {
		return false;
	}

	/** The tables whose keys are missing (a load that crashed before it could rebuild them). */
	default List<KboFile> missingKeys(Connection connection) throws SQLException {
		return List.of();
	}

	/** Drops the primary key and indexes of {@code file}'s table and commits. */
	default void dropKeys(Connection connection, KboFile file) throws SQLException {
	}

	/**
	 * Builds the keys of {@code file}'s table unless they exist, in its own transaction; a key held by several rows
	 * keeps only the last row. Returns how many rows were removed that way.
	 */
	default long restoreKeys(Connection connection, KboFile file) throws SQLException {
		return 0;
	}

	// wasEmpty: the table held no rows when this import began. Nothing can conflict with other imports' rows then,
	// so a first full import may take a faster path (and has nothing to replace).

	void enterprises(Connection connection, Collection<EnterpriseRow> rows, boolean wasEmpty) throws SQLException;

	void establishments(Connection connection, Collection<EstablishmentRow> rows, boolean wasEmpty)
			throws SQLException;

	void denominations(Connection connection, long importId, Collection<DenominationRow> rows, boolean wasEmpty)
			throws SQLException;

	void addresses(Connection connection, long importId, Collection<AddressRow> rows, boolean wasEmpty)
			throws SQLException;
}
