package be.ebox.inbox.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox lines written in Java: the list's markup, every text and attribute value escaped as Thymeleaf escapes it. */
class InboxLinesTest {

	private static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";

	@Test
	void aSendersTextsStayPlainText() {
		var row = new InboxRow("message-1", "inbox-item is-unread", "/ebox/0412345614/messages/1\"><b>", null, HOSTILE,
				"Unread", HOSTILE, "fr\" onclick=\"x", HOSTILE, "Received <now>", "expires in 3 days",
				List.of(new InboxRow.Badge(HOSTILE, "badge\" onclick=\"x")));
		String html = InboxLines.html(List.of(row));
		assertThat(html).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("\" onclick")
			.contains("<span>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;</span>")
			.contains("<a href=\"/ebox/0412345614/messages/1&quot;&gt;&lt;b&gt;\" lang=\"fr&quot; onclick=&quot;x\">&lt;script&gt;")
			.contains("<span>Received &lt;now&gt;</span>")
			.contains(" - <span class=\"badge&quot; onclick=&quot;x\">&lt;script&gt;");
	}

	@Test
	void aLineShowsWhatItHasAndOnlyThat() {
		var read = new InboxRow("message-2", "inbox-item is-read", "/ebox/0412345614/messages/2", null, "FOD Financiën",
				null, "Aanslag", "nl", "Belasting", "Ontvangen", "vervalt morgen", List.of());
		var unread = new InboxRow("message-3", "inbox-item is-unread", "/ebox/0412345614/messages/3",
				"/ebox/senders/0308357159/logo", "RSZ", "Ongelezen", "Taak", "nl", "Taak", "Ontvangen", "vervalt vandaag",
				List.of(new InboxRow.Badge("Te doen", null), new InboxRow.Badge("Verborgen", "badge")));
		String html = InboxLines.html(List.of(read, unread));
		String first = html.substring(0, html.indexOf("</li>"));
		String second = html.substring(html.indexOf("</li>"));
		assertThat(first).startsWith("\n    <li class=\"inbox-item is-read\" id=\"message-2\">")
			.doesNotContain("<img").doesNotContain("badge")
			.contains("<span>FOD Financiën</span>")
			.contains("<a href=\"/ebox/0412345614/messages/2\" lang=\"nl\">Aanslag</a>")
			.contains("<span>Belasting</span> -\n        <span>Ontvangen</span> -\n        <span class=\"inbox-expiry\">vervalt morgen</span>\n");
		assertThat(second).contains("<li class=\"inbox-item is-unread\" id=\"message-3\">")
			.contains("<img class=\"inbox-logo\" alt=\"\" width=\"32\" height=\"32\" src=\"/ebox/senders/0308357159/logo\">")
			.contains("<span class=\"badge badge--unread\">Ongelezen</span>")
			.contains("<span class=\"inbox-expiry\">vervalt vandaag</span> - <span>Te doen</span> - <span class=\"badge\">Verborgen</span>");
		assertThat(InboxLines.html(List.of())).isBlank();
	}
}
