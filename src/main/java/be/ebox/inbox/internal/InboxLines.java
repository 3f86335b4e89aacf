package be.ebox.inbox.internal;

import java.util.List;

import org.unbescape.html.HtmlEscape;

/**
 * The lines of the inbox list as HTML, written in one pass: the markup the template's loop wrote, each text and
 * attribute value escaped exactly as Thymeleaf escapes {@code th:text} and attribute values (unbescape's HTML 4 / XML
 * escape: {@code & < > " '}), so a sender's subject or name stays plain text. The template inserts the result with
 * one expression. Its loop over 25 lines evaluated about 13 expressions per line, each with its attribute lookups,
 * escaping and element bookkeeping: about a quarter of the server time of the inbox page.
 */
final class InboxLines {

	private InboxLines() {
	}

	static String html(List<InboxRow> rows) {
		var html = new StringBuilder(rows.size() * 900);
		for (InboxRow row : rows) {
			line(html, row);
		}
		return html.append("\n  ").toString();
	}

	private static void line(StringBuilder html, InboxRow m) {
		html.append("\n    <li class=\"").append(escape(m.css())).append("\" id=\"").append(escape(m.elementId())).append("\">");
		html.append("\n      <div class=\"inbox-item__sender\">");
		if (m.logo() != null) {
			html.append("\n        <img class=\"inbox-logo\" alt=\"\" width=\"32\" height=\"32\" src=\"")
				.append(escape(m.logo()))
				.append("\">");
		}
		html.append("\n        <span>").append(escape(m.senderName())).append("</span>");
		html.append("\n      </div>");
		html.append("\n      <p class=\"inbox-item__subject\">");
		if (m.unread() != null) {
			html.append("\n        <span class=\"badge badge--unread\">").append(escape(m.unread())).append("</span>");
		}
		html.append("\n        <a href=\"").append(escape(m.href())).append("\" lang=\"").append(escape(m.lang())).append("\">")
			.append(escape(m.subject()))
			.append("</a>");
		html.append("\n      </p>");
		html.append("\n      <p class=\"inbox-item__facts\">");
		html.append("\n        <span>").append(escape(m.typeName())).append("</span> -");
		html.append("\n        <span>").append(escape(m.received())).append("</span> -");
		html.append("\n        <span class=\"inbox-expiry\">").append(escape(m.expiry())).append("</span>");
		for (InboxRow.Badge b : m.badges()) {
			html.append(" - <span");
			if (b.css() != null) {
				html.append(" class=\"").append(escape(b.css())).append('"');
			}
			html.append('>').append(escape(b.text())).append("</span>");
		}
		html.append("\n      </p>");
		html.append("\n    </li>");
	}

	/** As Thymeleaf escapes {@code th:text} and attribute values in HTML templates; null prints nothing. */
	private static String escape(String text) {
		return text == null ? "" : HtmlEscape.escapeHtml4Xml(text);
	}
}
