package be.ebox.messages.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * On H2 (the embedded default and the tests), raises the version of the e-Box of every message row inserted, updated
 * or deleted, in the writer's transaction (migration V201; PostgreSQL does the same with a statement trigger). Public
 * because H2 instantiates it by name.
 */
public class MessageBoxVersionTrigger implements Trigger {

	private static final String DUPLICATE_KEY = "23505";

	private int recipient;

	@Override
	public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
			throws SQLException {
		// the name's case follows the database's settings (DATABASE_TO_LOWER or not)
		try (var columns = connection.getMetaData().getColumns(null, schema, table, null)) {
			while (columns.next()) {
				if (columns.getString("COLUMN_NAME").equalsIgnoreCase("recipient")) {
					recipient = columns.getInt("ORDINAL_POSITION") - 1;
					return;
				}
			}
		}
		throw new SQLException("no column recipient in " + table);
	}

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		Object ebox = (newRow != null ? newRow : oldRow)[recipient];
		try (PreparedStatement raise = connection.prepareStatement("""
				MERGE INTO message_box_version v USING (VALUES (CAST(? AS CHAR(10)))) c (recipient)
				ON v.recipient = c.recipient
				WHEN MATCHED THEN UPDATE SET version = v.version + 1
				WHEN NOT MATCHED THEN INSERT (recipient, version) VALUES (c.recipient, 1)""")) {
			raise.setObject(1, ebox);
			raise.executeUpdate();
		}
		catch (SQLException ex) {
			if (!DUPLICATE_KEY.equals(ex.getSQLState())) {
				throw ex;
			}
			// another transaction inserted the e-Box's first version meanwhile: raise it
			try (PreparedStatement raise = connection
				.prepareStatement("UPDATE message_box_version SET version = version + 1 WHERE recipient = ?")) {
				raise.setObject(1, ebox);
				raise.executeUpdate();
			}
		}
	}
}
