package be.ebox.notifications.internal;

import be.ebox.messages.MessageState;

/** Why a person is told about a message. */
enum Reason {
	NEW, UNREAD, EXPIRING, TASK_DUE, OVERDUE, ACKNOWLEDGEMENT;

	/** Reading, completing or acknowledging settles what the reason reminds of: nothing is sent then. */
	boolean settledBy(MessageState state) {
		return switch (this) {
			case NEW, UNREAD, EXPIRING -> state.isRead();
			case TASK_DUE, OVERDUE -> state.isDone();
			case ACKNOWLEDGEMENT -> state.isAcknowledged();
		};
	}

	boolean isReminder() {
		return this != NEW;
	}
}
