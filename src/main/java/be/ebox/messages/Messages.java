package be.ebox.messages;

import java.util.Optional;

/** Read access to published messages, for the other modules (consultation, evidence, console). */
public interface Messages {

	/** The message with its contents and attachments, whoever may read it: callers check access themselves. */
	Optional<Message> find(MessageId id);
}
