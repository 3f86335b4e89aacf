package be.ebox.console.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import be.ebox.messages.Message;

/** The compose page's fields, as typed: parsed and checked by {@link ComposePage}. */
public class ComposeForm {

	static final int MAX_SUBJECT = 255;

	private String application;

	private String recipient;

	private String messageType;

	private String subjectNl;

	private String subjectFr;

	private String subjectDe;

	private String subjectEn;

	private String bodyNl;

	private String bodyFr;

	private String bodyDe;

	private String bodyEn;

	private String visibleFrom;

	private String dueDate;

	private boolean acknowledgementRequired;

	private boolean replyAuthorized;

	/** Generated with the empty form: sending the same form twice (a double click, a reload) publishes once. */
	private String idempotencyKey = UUID.randomUUID().toString();

	/** Subject and body per language given, in the order nl, fr, de, en. */
	Map<String, Message.Content> contents() {
		Map<String, Message.Content> contents = new LinkedHashMap<>();
		put(contents, "nl", subjectNl, bodyNl);
		put(contents, "fr", subjectFr, bodyFr);
		put(contents, "de", subjectDe, bodyDe);
		put(contents, "en", subjectEn, bodyEn);
		return contents;
	}

	private static void put(Map<String, Message.Content> contents, String language, String subject, String body) {
		String s = blankToNull(subject);
		String b = blankToNull(body);
		if (s != null || b != null) {
			contents.put(language, new Message.Content(language, s, b));
		}
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	public String getApplication() {
		return application;
	}

	public void setApplication(String application) {
		this.application = application;
	}

	public String getRecipient() {
		return recipient;
	}

	public void setRecipient(String recipient) {
		this.recipient = recipient;
	}

	public String getMessageType() {
		return messageType;
	}

	public void setMessageType(String messageType) {
		this.messageType = messageType;
	}

	public String getSubjectNl() {
		return subjectNl;
	}

	public void setSubjectNl(String subjectNl) {
		this.subjectNl = subjectNl;
	}

	public String getSubjectFr() {
		return subjectFr;
	}

	public void setSubjectFr(String subjectFr) {
		this.subjectFr = subjectFr;
	}

	public String getSubjectDe() {
		return subjectDe;
	}

	public void setSubjectDe(String subjectDe) {
		this.subjectDe = subjectDe;
	}

	public String getSubjectEn() {
		return subjectEn;
	}

	public void setSubjectEn(String subjectEn) {
		this.subjectEn = subjectEn;
	}

	public String getBodyNl() {
		return bodyNl;
	}

	public void setBodyNl(String bodyNl) {
		this.bodyNl = bodyNl;
	}

	public String getBodyFr() {
		return bodyFr;
	}

	public void setBodyFr(String bodyFr) {
		this.bodyFr = bodyFr;
	}

	public String getBodyDe() {
		return bodyDe;
	}

	public void setBodyDe(String bodyDe) {
		this.bodyDe = bodyDe;
	}

	public String getBodyEn() {
		return bodyEn;
	}

	public void setBodyEn(String bodyEn) {
		this.bodyEn = bodyEn;
	}

	public String getVisibleFrom() {
		return visibleFrom;
	}

	public void setVisibleFrom(String visibleFrom) {
		this.visibleFrom = visibleFrom;
	}

	public String getDueDate() {
		return dueDate;
	}

	public void setDueDate(String dueDate) {
		this.dueDate = dueDate;
	}

	public boolean isAcknowledgementRequired() {
		return acknowledgementRequired;
	}

	public void setAcknowledgementRequired(boolean acknowledgementRequired) {
		this.acknowledgementRequired = acknowledgementRequired;
	}

	public boolean isReplyAuthorized() {
		return replyAuthorized;
	}

	public void setReplyAuthorized(boolean replyAuthorized) {
		this.replyAuthorized = replyAuthorized;
	}

	/** Errors about the uploaded documents sit on this field; the files themselves are a request parameter. */
	public String getDocuments() {
		return null;
	}

	public String getIdempotencyKey() {
		return idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}
}
