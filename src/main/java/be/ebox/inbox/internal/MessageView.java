package be.ebox.inbox.internal;

import java.util.List;

/**
 * A message as the inbox shows it, everything already in the reader's language. Texts of the sender stay plain text:
 * the templates print them escaped, never as markup.
 * @param contentLanguage the language subject and body are in
 * @param otherLanguage true when the sender gave no content in the reader's language (the page says so)
 * @param expiresInDays whole days until expiry, 0 on its last day
 */
public record MessageView(String id, String subject, String body, String contentLanguage, boolean otherLanguage,
		String contentLanguageName, String senderName, String senderDigits, boolean senderLogo, String typeName,
		String kind, String received, String expires, long expiresInDays, String dueDate, boolean overdue, boolean read,
		String readAt, boolean hidden, boolean done, boolean acknowledgementRequired, boolean acknowledged,
		boolean replyAuthorized, boolean bodyMainContent, List<Document> documents) {

	public boolean isTask() {
		return "TASK".equals(kind);
	}

	/**
	 * @param name the title in the reader's language, else the file name
	 * @param typeLabel a short name of the type, e.g. PDF
	 */
	public record Document(int position, String name, String fileName, String mediaType, String typeLabel, String size,
			boolean pdf, boolean main) {
	}
}
