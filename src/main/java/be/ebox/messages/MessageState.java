package be.ebox.messages;

import java.time.Instant;

/**
 * What the e-Box did with a message so far; the state is the enterprise's, not one person's.
 * @param firstReadAt when its main content was first opened, null while unread
 * @param doneAt for tasks: when marked done, null while open
 * @param acknowledgedAt when acknowledged, null while not
 */
public record MessageState(Instant firstReadAt, boolean hidden, Instant doneAt, Instant acknowledgedAt) {

	public boolean isRead() {
		return firstReadAt != null;
	}

	public boolean isDone() {
		return doneAt != null;
	}

	public boolean isAcknowledged() {
		return acknowledgedAt != null;
	}
}
