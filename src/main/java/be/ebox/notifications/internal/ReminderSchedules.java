package be.ebox.notifications.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import be.ebox.senders.MessageTypeId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reminder schedule a sender set on a message type: the days before a task's due date on which the people who
 * must act are reminded, unless it is done. Kept here rather than in the reference data, so the senders module and
 * its API stay as they are; a type without a schedule uses {@code EBOX_NOTIFICATIONS_TASK_REMINDER_DAYS}.
 */
@Repository
class ReminderSchedules {

	static final int MAX_DAYS = 365;

	private final JdbcClient jdbc;

	ReminderSchedules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<List<Integer>> daysBeforeDue(MessageTypeId type) {
		return jdbc.sql("SELECT days_before_due FROM notification_reminder_schedule WHERE message_type = ?")
			.param(type.value())
			.query((rs, n) -> parse(rs.getString(1)))
			.optional();
	}

	/** @param days each from 0 to {@link #MAX_DAYS}; empty removes the schedule */
	void set(MessageTypeId type, List<Integer> days) {
		if (days.stream().anyMatch(d -> d == null || d < 0 || d > MAX_DAYS)) {
			throw new IllegalArgumentException("days before the due date must be from 0 to " + MAX_DAYS);
		}
		jdbc.sql("DELETE FROM notification_reminder_schedule WHERE message_type = ?").param(type.value()).update();
		if (!days.isEmpty()) {
			jdbc.sql("INSERT INTO notification_reminder_schedule (message_type, days_before_due) VALUES (?, ?)")
				.params(type.value(), String.join(",", days.stream().distinct().sorted().map(String::valueOf).toList()))
				.update();
		}
	}

	static List<Integer> parse(String text) {
		return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
	}
}
