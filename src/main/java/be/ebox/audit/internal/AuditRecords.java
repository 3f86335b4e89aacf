package be.ebox.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import be.ebox.audit.AuditRecord;
import be.ebox.registry.EnterpriseNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads records back, newest first, optionally filtered by enterprise and action. */
@Component
class AuditRecords {

	private final JdbcClient jdbc;

	AuditRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<AuditRecord> find(EnterpriseNumber enterprise, String action, int offset, int limit) {
		var filter = Filter.of(enterprise, action);
		var params = new ArrayList<>(filter.params());
		params.add(limit);
		params.add(offset);
		return jdbc.sql("""
				SELECT seq, occurred_at, actor, action, enterprise_number, details FROM audit_record%s
				ORDER BY seq DESC LIMIT ? OFFSET ?""".formatted(filter.where()))
			.params(params)
			.query(AuditRecords::record)
			.list();
	}

	long count(EnterpriseNumber enterprise, String action) {
		var filter = Filter.of(enterprise, action);
		return jdbc.sql("SELECT COUNT(*) FROM audit_record" + filter.where())
			.params(filter.params())
			.query(Long.class)
			.single();
	}

	private static AuditRecord record(ResultSet rs, int row) throws SQLException {
		String enterprise = rs.getString("enterprise_number");
		return new AuditRecord(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("action"),
				enterprise == null ? null : EnterpriseNumber.parse(enterprise), rs.getString("details"));
	}

	/** A WHERE clause from fixed fragments; the values always travel as parameters. */
	private record Filter(String where, List<Object> params) {

		static Filter of(EnterpriseNumber enterprise, String action) {
			var conditions = new ArrayList<String>();
			var params = new ArrayList<Object>();
			if (enterprise != null) {
				conditions.add("enterprise_number = ?");
				params.add(enterprise.digits());
			}
			if (action != null && !action.isBlank()) {
				conditions.add("action = ?");
				params.add(action.strip());
			}
			return new Filter(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
		}
	}
}
