package be.ebox.messages;

import java.time.Instant;
import java.time.LocalDate;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageKind;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;

/**
 * Which messages of an e-Box a list or count selects; a null criterion selects everything. The contract's filters of
 * {@code GET /ebox/messages} plus those of the web inbox (tasks, due dates, acknowledgement).
 * @param hidden true: only hidden messages, false: only the others (the contract's {@code visible} negated)
 * @param text words searched case- and accent-insensitively in subject, body and business data
 * @param textLanguage the language the text is searched in (the contract's {@code qlang}); null: any language
 * @param taskDone true: tasks marked done, false: open tasks (both imply kind TASK)
 * @param acknowledgementPending true: messages whose acknowledgement is required and not given yet
 */
public record MessageFilter(Instant receivedAfter, Instant receivedBefore, Instant expiresAfter, Instant expiresBefore,
		Boolean read, Boolean hidden, MessageTypeId messageType, EnterpriseNumber senderOrganisation,
		SenderApplicationId senderApplication, String text, String textLanguage, Boolean registeredMail, MessageKind kind,
		Boolean taskDone, LocalDate dueBefore, Boolean acknowledgementPending) {

	public static MessageFilter all() {
		return new Builder().build();
	}

	public static Builder where() {
		return new Builder();
	}

	/** A builder starting from this filter, to add or change criteria. */
	public Builder and() {
		var b = new Builder();
		b.receivedAfter = receivedAfter;
		b.receivedBefore = receivedBefore;
		b.expiresAfter = expiresAfter;
		b.expiresBefore = expiresBefore;
		b.read = read;
		b.hidden = hidden;
		b.messageType = messageType;
		b.senderOrganisation = senderOrganisation;
		b.senderApplication = senderApplication;
		b.text = text;
		b.textLanguage = textLanguage;
		b.registeredMail = registeredMail;
		b.kind = kind;
		b.taskDone = taskDone;
		b.dueBefore = dueBefore;
		b.acknowledgementPending = acknowledgementPending;
		return b;
	}

	/** Criteria one by one, so a caller names what it sets (sixteen positional arguments invite mistakes). */
	public static final class Builder {

		private Instant receivedAfter;

		private Instant receivedBefore;

		private Instant expiresAfter;

		private Instant expiresBefore;

		private Boolean read;

		private Boolean hidden;

		private MessageTypeId messageType;

		private EnterpriseNumber senderOrganisation;

		private SenderApplicationId senderApplication;

		private String text;

		private String textLanguage;

		private Boolean registeredMail;

		private MessageKind kind;

		private Boolean taskDone;

		private LocalDate dueBefore;

		private Boolean acknowledgementPending;

		public Builder receivedBetween(Instant after, Instant before) {
			this.receivedAfter = after;
			this.receivedBefore = before;
			return this;
		}

		public Builder expiringBetween(Instant after, Instant before) {
			this.expiresAfter = after;
			this.expiresBefore = before;
			return this;
		}

		public Builder read(Boolean read) {
			this.read = read;
			return this;
		}

		public Builder hidden(Boolean hidden) {
			this.hidden = hidden;
			return this;
		}

		public Builder messageType(MessageTypeId type) {
			this.messageType = type;
			return this;
		}

		public Builder senderOrganisation(EnterpriseNumber organisation) {
			this.senderOrganisation = organisation;
			return this;
		}

		public Builder senderApplication(SenderApplicationId application) {
			this.senderApplication = application;
			return this;
		}

		public Builder containing(String text, String language) {
			this.text = text;
			this.textLanguage = language;
			return this;
		}

		public Builder registeredMail(Boolean registeredMail) {
			this.registeredMail = registeredMail;
			return this;
		}

		public Builder kind(MessageKind kind) {
			this.kind = kind;
			return this;
		}

		/** Tasks only: done (true) or open (false), and due before the date when given. */
		public Builder tasks(Boolean done, LocalDate dueBefore) {
			this.kind = MessageKind.TASK;
			this.taskDone = done;
			this.dueBefore = dueBefore;
			return this;
		}

		public Builder acknowledgementPending(Boolean pending) {
			this.acknowledgementPending = pending;
			return this;
		}

		public MessageFilter build() {
			return new MessageFilter(receivedAfter, receivedBefore, expiresAfter, expiresBefore, read, hidden, messageType, senderOrganisation, senderApplication, text, textLanguage, registeredMail, kind, taskDone, dueBefore, acknowledgementPending);
		}
	}
}
