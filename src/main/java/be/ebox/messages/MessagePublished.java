package be.ebox.messages;

import java.time.Instant;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;

/** Published in the transaction that stored the message, for who must be told (notifications). */
public record MessagePublished(MessageId id, EnterpriseNumber recipient, MessageTypeId messageType,
		boolean isProtected, Instant visibleFrom) {
}
