package be.ebox.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's counterpart of the PostgreSQL triggers of migration V40: refuses to change or remove an audit record, and
 * lets the head of the chain only move forward. Public because H2 instantiates it by name.
 */
public class AppendOnlyTrigger implements Trigger {

	private String table;

	@Override
	public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
			int type) {
		this.table = tableName;
	}

	@Override
	public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
		boolean headMovesForward = "audit_head".equalsIgnoreCase(table) && newRow != null
				&& newRow[0].equals(oldRow[0]) && ((Number) newRow[1]).longValue() >= ((Number) oldRow[1]).longValue();
		if (!headMovesForward) {
			throw new SQLException("the audit trail is append-only: change of " + table + " refused", "42501");
		}
	}
}
