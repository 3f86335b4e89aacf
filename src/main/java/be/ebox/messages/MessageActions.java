package be.ebox.messages;

import be.ebox.access.Reader;

/**
 * What a reader does with a message, each step written to the evidence. Every method answers false, changing
 * nothing, when the message does not exist for the reader (the caller answers 404).
 */
public interface MessageActions {

	/** The main content (body or main document) is being opened: marks the message read the first time. */
	boolean openMainContent(Reader reader, MessageId id);

	/** A document of the message is being downloaded (its position, from 1); the main one also marks it read. */
	boolean downloadAttachment(Reader reader, MessageId id, int position);

	boolean hide(Reader reader, MessageId id);

	boolean unhide(Reader reader, MessageId id);

	/** Marks a task done; false also when the message is not a task. */
	boolean markDone(Reader reader, MessageId id);

	boolean reopen(Reader reader, MessageId id);

	/** Acknowledges receipt; false also when the sender asked for no acknowledgement. Repeating changes nothing. */
	boolean acknowledge(Reader reader, MessageId id);
}
