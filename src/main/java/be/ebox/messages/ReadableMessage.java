package be.ebox.messages;

/** A message as a reader who may read it sees it: its content and its state in the e-Box. */
public record ReadableMessage(Message message, MessageState state) {

	public MessageId id() {
		return message.id();
	}
}
