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

	/** Once per import, before the first batch (e.g. creates the session's staging tables). */
	default void prepare(Connection connection) throws SQLException {
	}

	void enterprises(Connection connection, Collection<EnterpriseRow> rows) throws SQLException;

	void establishments(Connection connection, Collection<EstablishmentRow> rows) throws SQLException;

	void denominations(Connection connection, long importId, Collection<DenominationRow> rows) throws SQLException;

	void addresses(Connection connection, long importId, Collection<AddressRow> rows) throws SQLException;
}
