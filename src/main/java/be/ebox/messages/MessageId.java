package be.ebox.messages;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The identifier of a published message, a UUID (the contract's {@code messageId}). */
public record MessageId(UUID value) {

	public MessageId {
		Objects.requireNonNull(value, "value");
	}

	public static MessageId random() {
		return new MessageId(UUID.randomUUID());
	}

	/** The id a caller typed, if it is one; never throws on guessed or malformed input. */
	public static Optional<MessageId> parse(String text) {
		try {
			return text == null ? Optional.empty() : Optional.of(new MessageId(UUID.fromString(text.strip())));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
