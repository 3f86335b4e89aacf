package be.ebox.notifications.internal;

import java.time.Instant;

import be.ebox.messages.MessageId;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;

/** Something to tell about one message from a given time on. */
record Alert(long id, MessageId message, EnterpriseNumber ebox, MessageTypeId type, boolean isProtected,
		Reason reason, Instant dueAt) {

	Alert next(Reason reason, Instant dueAt) {
		return new Alert(0, message, ebox, type, isProtected, reason, dueAt);
	}
}
