package be.ebox.audit.internal;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes audit tables behind the application's back, past the append-only triggers: on PostgreSQL as a superuser
 * with triggers off for one transaction ({@code session_replication_role = replica}), on H2 by dropping the triggers
 * for the duration of the statement.
 */
final class Tamper {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final boolean postgres;

	Tamper(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		try (var connection = dataSource.getConnection()) {
			this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void run(String sql, Object... params) {
		if (postgres) {
			transaction.executeWithoutResult(status -> {
				jdbc.sql("SET LOCAL session_replication_role = replica").update();
				jdbc.sql(sql).params(params).update();
			});
			return;
		}
		jdbc.sql("DROP TRIGGER IF EXISTS audit_record_append_only").update();
		jdbc.sql("DROP TRIGGER IF EXISTS audit_head_forward_only").update();
		try {
			jdbc.sql(sql).params(params).update();
		}
		finally {
			jdbc.sql("""
					CREATE TRIGGER audit_record_append_only BEFORE UPDATE, DELETE ON audit_record
					FOR EACH ROW CALL 'be.ebox.audit.internal.AppendOnlyTrigger'""").update();
			jdbc.sql("""
					CREATE TRIGGER audit_head_forward_only BEFORE UPDATE, DELETE ON audit_head
					FOR EACH ROW CALL 'be.ebox.audit.internal.AppendOnlyTrigger'""").update();
		}
	}
}
