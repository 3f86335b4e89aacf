package be.ebox.access.internal;

import java.time.Instant;

import be.ebox.senders.MessageTypeId;

/** A user may read a protected message type until {@code endsAt} (exclusive; null: no end). */
record Grant(MessageTypeId type, Instant endsAt, String grantedBy, Instant grantedAt) {

	boolean activeAt(Instant now) {
		return endsAt == null || endsAt.isAfter(now);
	}
}
