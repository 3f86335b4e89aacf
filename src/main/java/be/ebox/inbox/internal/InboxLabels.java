package be.ebox.inbox.internal;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The texts of the inbox list in the reader's language, looked up once per page instead of once per line: each lookup
 * walks the application's dozen message bundles. The texts with a value are formatted exactly as Spring's message
 * source formats them (a {@link MessageFormat} of the pattern in the page's locale), only reused for the page's lines.
 * Not shared between threads ({@link MessageFormat} is not thread-safe): one per page.
 */
final class InboxLabels {

	final String unread;

	final String hidden;

	final String acknowledgementPending;

	final String taskDone;

	final String expiresToday;

	final String expiresTomorrow;

	private final MessageFormat received;

	private final MessageFormat expiresInDays;

	private final MessageFormat due;

	private final MessageFormat overdue;

	InboxLabels(MessageSource messages, Locale locale) {
		this.unread = messages.getMessage("inbox.list.unread", null, locale);
		this.hidden = messages.getMessage("inbox.list.hidden", null, locale);
		this.acknowledgementPending = messages.getMessage("inbox.ack.pending", null, locale);
		this.taskDone = messages.getMessage("inbox.task.done", null, locale);
		this.expiresToday = messages.getMessage("inbox.expires.today", null, locale);
		this.expiresTomorrow = messages.getMessage("inbox.expires.tomorrow", null, locale);
		// without arguments the message source answers the pattern itself (alwaysUseMessageFormat is off)
		this.received = new MessageFormat(messages.getMessage("inbox.list.received", null, locale), locale);
		this.expiresInDays = new MessageFormat(messages.getMessage("inbox.expires.days", null, locale), locale);
		this.due = new MessageFormat(messages.getMessage("inbox.task.due", null, locale), locale);
		this.overdue = new MessageFormat(messages.getMessage("inbox.task.overdue", null, locale), locale);
	}

	String received(String at) {
		return received.format(new Object[] { at });
	}

	/**
	 * @param days whole days until expiry, 0 on its last day
	 * @param p formats the number as the pattern would (a {@link MessageFormat} makes a number format for each number)
	 */
	String expiry(long days, Presentation p) {
		return days > 1 ? expiresInDays.format(new Object[] { p.number(days) }) : days == 1 ? expiresTomorrow : expiresToday;
	}

	String due(String day) {
		return due.format(new Object[] { day });
	}

	String overdue(String day) {
		return overdue.format(new Object[] { day });
	}
}
