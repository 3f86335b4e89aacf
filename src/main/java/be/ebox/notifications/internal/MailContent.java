package be.ebox.notifications.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a notification e-mail from its {@link Tally}: how many items wait in which e-Box and a link, in the
 * recipient's language, as plain text and HTML. It has nothing else to write from, so it cannot reveal a subject,
 * a content or a sender.
 */
@Component
class MailContent {

	record Written(String subject, String text, String html) {
	}

	private final MessageSource messages;

	private final NotificationProperties properties;

	MailContent(MessageSource messages, NotificationProperties properties) {
		this.messages = messages;
		this.properties = properties;
	}

	Written write(Outbox.Kind kind, Tally tally, String language) {
		Locale locale = Locale.forLanguageTag(language);
		String subject = text("notifications.mail.subject." + kind, locale);
		String intro = text("notifications.mail.intro." + kind, locale);
		String open = text("notifications.mail.open", locale);
		String footer = text("notifications.mail.footer", locale);
		String settings = text("notifications.mail.settings", locale);
		String inbox = properties.base() + "/ebox";
		String preferences = properties.base() + "/notifications";
		var plain = new StringBuilder(intro).append("\n\n");
		var html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(language).append("\"><head><meta charset=\"utf-8\"><title>")
			.append(escape(subject)).append("</title></head><body><p>").append(escape(intro)).append("</p><ul>");
		for (Tally.Line line : tally.lines()) {
			String item = messages.getMessage("notifications.mail.line." + line.reason(),
					new Object[] { line.count(), line.ebox().formatted() }, locale);
			plain.append("- ").append(item).append('\n');
			html.append("<li>").append(escape(item)).append("</li>");
		}
		plain.append('\n').append(open).append(": ").append(inbox).append("\n\n").append(footer).append('\n')
			.append(settings).append(": ").append(preferences).append('\n');
		html.append("</ul><p><a href=\"").append(escape(inbox)).append("\">").append(escape(open)).append("</a></p><p>")
			.append(escape(footer)).append(" <a href=\"").append(escape(preferences)).append("\">").append(escape(settings))
			.append("</a></p></body></html>");
		return new Written(subject, plain.toString(), html.toString());
	}

	private String text(String code, Locale locale) {
		return messages.getMessage(code, null, locale);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}
}
