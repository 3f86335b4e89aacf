package be.ebox.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

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
