package be.ebox.messages;

import java.util.List;

/**
 * Many messages published in one transaction (a bulk job's chunk), for who must be told: one event instead of one
 * {@link MessagePublished} per message, so that a listener can write what it keeps for them in one batch rather than
 * one statement per message. Published in the transaction that stored them.
 */
public record MessagesPublished(List<MessagePublished> messages) {

	public MessagesPublished {
		messages = List.copyOf(messages);
	}
}
