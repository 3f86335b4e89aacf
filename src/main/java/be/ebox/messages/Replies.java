package be.ebox.messages;

import java.time.Instant;
import java.util.List;

import be.ebox.access.Reader;
import be.ebox.registry.EnterpriseNumber;

/**
 * Replies of an e-Box to a message, where its sender allows replies ({@link Message#replyAuthorized()}). The sender
 * reads them in its console.
 */
public interface Replies {

	/** Longest reply, in characters. */
	int MAX_LENGTH = 4000;

	/**
	 * Stores a reply of the reader; false, storing nothing, when the message does not exist for the reader or its
	 * sender allows no reply.
	 * @throws IllegalArgumentException when the text is blank or longer than {@link #MAX_LENGTH}
	 */
	boolean reply(Reader reader, MessageId id, String text);

	/** The replies to a message the reader may read, oldest first; empty when it does not exist for the reader. */
	List<Reply> of(Reader reader, MessageId id);

	/** The replies to a message the organisation sent, oldest first; empty when it did not send it. */
	List<Reply> toSender(EnterpriseNumber organisation, MessageId id);

	/**
	 * @param actor the account id of who replied
	 * @param actorEnterprise the enterprise they replied for
	 */
	record Reply(Instant at, String actor, EnterpriseNumber actorEnterprise, String text) {
	}
}
