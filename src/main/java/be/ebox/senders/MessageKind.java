package be.ebox.senders;

/** What a message of a type is for the reader: something to keep, something to know, something to do. */
public enum MessageKind {
	DOCUMENT, NOTIFICATION, TASK
}
