package be.ebox.inbox.internal;

/**
 * One line of the inbox list with everything it prints already worked out in Java: texts in the reader's language,
 * dates formatted, labels looked up, links built. The template only prints these (escaped: a sender's texts stay plain
 * text); a line of 25 costs it a dozen plain property reads instead of about 30 expressions, message lookups and links.
 * @param elementId the id of the list item, {@code message-<id>}
 * @param css the classes of the list item (read or unread)
 * @param logo the path of the sender's logo, or null when the sender has none
 * @param unread the "unread" badge, or null for a read message
 * @param lang the language of the subject
 * @param expiry "expires in n days", "tomorrow" or "today"
 * @param task the task's state for a task, else null
 * @param acknowledgement the "acknowledgement requested" badge while one is pending, else null
 * @param hidden the "hidden" badge for a hidden message, else null
 */
public record InboxRow(String elementId, String css, String href, String logo, String senderName, String unread,
		String subject, String lang, String typeName, String received, String expiry, Badge task,
		String acknowledgement, String hidden) {

	/** @param css the classes of the badge, or null for none */
	public record Badge(String text, String css) {
	}
}
