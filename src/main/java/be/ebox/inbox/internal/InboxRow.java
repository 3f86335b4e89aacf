package be.ebox.inbox.internal;

import java.util.List;

/**
 * One line of the inbox list with everything it prints already worked out in Java: texts in the reader's language,
 * dates formatted, labels looked up, links built. {@link InboxLines} prints these (escaped: a sender's texts stay
 * plain text) as the template's loop printed them.
 * @param elementId the id of the list item, {@code message-<id>}
 * @param css the classes of the list item (read or unread)
 * @param logo the path of the sender's logo, or null when the sender has none
 * @param unread the "unread" badge, or null for a read message
 * @param lang the language of the subject
 * @param expiry "expires in n days", "tomorrow" or "today"
 * @param badges in this order, those that apply: the task's state, "acknowledgement requested" while one is
 *        pending, "hidden"; usually none, so a line without them costs the template one expression, not three
 */
public record InboxRow(String elementId, String css, String href, String logo, String senderName, String unread,
		String subject, String lang, String typeName, String received, String expiry, List<Badge> badges) {

	/** @param css the classes of the badge, or null for none */
	public record Badge(String text, String css) {
	}
}
