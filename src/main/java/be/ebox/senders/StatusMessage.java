package be.ebox.senders;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The error body of the e-Box Message Registry contract (definition {@code StatusMessage}): a unique id (to quote to
 * the help desk), a code and a message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusMessage(String id, String code, String message, String contact, String environment) {

	public static StatusMessage of(String code, String message) {
		return new StatusMessage(UUID.randomUUID().toString(), code, message, null, null);
	}
}
