package be.ebox.notifications.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import be.ebox.messages.MessageId;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts are stored alike one at a time and many at once (a bulk chunk's, which PostgreSQL gets with one COPY): every
 * field as given, nothing handled yet. Due far in the future, so that no running worker takes them.
 */
@SpringBootTest
class AlertsTest {

	@Autowired
	Alerts alerts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void oneAlertAndAChunksAlertsAreStoredWithEveryField() {
		String type = "alerts-test-" + UUID.randomUUID();
		Instant due = Instant.parse("2999-01-02T03:04:05.123456Z");
		var many = new ArrayList<Alert>();
		for (int i = 0; i < Alerts.COPY_FROM + 5; i++) {
			many.add(new Alert(0, MessageId.random(), EnterpriseNumber.parse("0403170701"), new MessageTypeId(type),
					i % 2 == 0, Reason.NEW, due.plus(i, ChronoUnit.MINUTES)));
		}
		alerts.add(many);
		var one = new Alert(0, MessageId.random(), EnterpriseNumber.parse("0403170701"), new MessageTypeId(type), true,
				Reason.NEW, due);
		alerts.add(List.of(one));
		try {
			List<Alert> stored = jdbc.sql("""
					SELECT id, message_id, ebox, message_type, protected, reason, due_at FROM notification_alert
					WHERE message_type = ? AND handled_at IS NULL AND outcome IS NULL ORDER BY id""")
				.param(type)
				.query((rs, n) -> new Alert(0, new MessageId(rs.getObject("message_id", UUID.class)),
						EnterpriseNumber.parse(rs.getString("ebox")), new MessageTypeId(rs.getString("message_type")),
						rs.getBoolean("protected"), Reason.valueOf(rs.getString("reason")), Times.read(rs, "due_at")))
				.list();
			var expected = new ArrayList<>(many);
			expected.add(one);
			assertThat(stored).containsExactlyElementsOf(expected);
		}
		finally {
			jdbc.sql("DELETE FROM notification_alert WHERE message_type = ?").param(type).update();
		}
	}
}
