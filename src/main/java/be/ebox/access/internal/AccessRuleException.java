package be.ebox.access.internal;

/**
 * An access-management action refused by a rule the person can understand (e.g. "the main access manager cannot be
 * removed"); {@link #messageKey()} is the key of its localized text in the access bundle.
 */
class AccessRuleException extends RuntimeException {

	private final String messageKey;

	AccessRuleException(String messageKey) {
		super("Refused: " + messageKey);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return messageKey;
	}
}
