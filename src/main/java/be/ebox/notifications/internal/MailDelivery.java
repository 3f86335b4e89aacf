package be.ebox.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox over SMTP, a batch at a time.
 * <p>
 * Exactly once, as far as SMTP allows. A batch is claimed in one short transaction: rows are locked with
 * {@code FOR UPDATE SKIP LOCKED} (so no two threads or instances get the same row) and marked SENDING with a lease.
 * Then the batch goes out over one SMTP connection, and what the server accepted is marked SENT every few e-mails and
 * at the end. SMTP has no idempotency key, so there is always a window between the server's "250 OK" and our
 * UPDATE: a crash there leaves rows SENDING that may have been delivered. Those rows are never sent again on their
 * own: when their lease runs out they become FAILED with a message saying so ({@link Outbox#interrupted}), and the
 * operator decides (the operator page retries one). So a crash or restart sends nothing twice, loses nothing (the
 * row stays visible), and a graceful stop finishes the current batch first. Every e-mail carries a Message-ID made
 * from its row id, so even an operator's retry of a delivered one is recognisable as the same e-mail.
 * <p>
 * A refused recipient or an unreachable server puts the row back to PENDING with an exponential backoff; after
 * {@code maxAttempts} it is FAILED. JavaMail's {@link Transport} is used directly rather than
 * {@code JavaMailSender.send(MimeMessage...)} because we must record progress between two e-mails of one connection.
 */
@Component
class MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	/** E-mails marked SENT together: the most that an unlucky crash leaves for the operator per sender thread. */
	private static final int PROGRESS_EVERY = 25;

	private final Outbox outbox;

	private final TransactionTemplate transaction;

	private final JavaMailSenderImpl smtp;

	private final MailContent content;

	private final NotificationProperties properties;

	private final Clock clock;

	private volatile InternetAddress fromAddress;

	MailDelivery(Outbox outbox, TransactionTemplate transaction, JavaMailSenderImpl smtp, MailContent content,
			NotificationProperties properties, Clock clock) {
		this.outbox = outbox;
		this.transaction = transaction;
		this.smtp = smtp;
		this.content = content;
		this.properties = properties;
		this.clock = clock;
	}

	/** Claims and sends one batch; answers how many e-mails it claimed (0: nothing was due). */
	int deliverBatch() {
		Instant now = clock.instant();
		List<Outbox.Mail> batch = transaction.execute(status -> {
			var due = outbox.lockDue(now, properties.mailBatch());
			if (!due.isEmpty()) {
				outbox.lease(due, now.plus(properties.lease()));
			}
			return due;
		});
		if (batch == null || batch.isEmpty()) {
			return 0;
		}
		send(batch);
		return batch.size();
	}

	/** Sends until the outbox has nothing due any more; for tests and the operator. */
	int deliverAll() {
		int total = 0;
		for (int n = deliverBatch(); n > 0; n = deliverBatch()) {
			total += n;
		}
		return total;
	}

	/** Rows left SENDING by a crashed instance become FAILED for the operator (see the class comment). */
	int sweepInterrupted() {
		int n = outbox.interrupted(clock.instant());
		if (n > 0) {
			log.warn("{} notification e-mails were interrupted while sending and are marked failed", n);
		}
		return n;
	}

	private void send(List<Outbox.Mail> batch) {
		List<Long> accepted = new ArrayList<>();
		Session session = smtp.getSession();
		int next = 0;
		Transport transport = null;
		try {
			transport = session.getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
			transport.connect(smtp.getHost(), smtp.getPort(), blankToNull(smtp.getUsername()), blankToNull(smtp.getPassword()));
			for (; next < batch.size(); next++) {
				Outbox.Mail mail = batch.get(next);
				MimeMessage message;
				try {
					message = compose(session, mail);
				}
				catch (AddressException ex) {
					outbox.failed(mail.id(), "invalid address");
					continue;
				}
				try {
					transport.sendMessage(message, message.getAllRecipients());
					accepted.add(mail.id());
					if (accepted.size() >= PROGRESS_EVERY) {
						outbox.sent(accepted, clock.instant());
						accepted.clear();
					}
				}
				catch (SendFailedException ex) {
					retryOrFail(mail, "refused: " + ex.getMessage());
				}
			}
		}
		catch (MessagingException | RuntimeException ex) {
			// server unreachable or connection lost: the rest of the batch waits for the next attempt
			String error = "SMTP: " + ex.getMessage();
			for (int i = next; i < batch.size(); i++) {
				retryOrFail(batch.get(i), error);
			}
			log.warn("SMTP unavailable, {} notification e-mails wait for their next attempt: {}", batch.size() - next,
					ex.getMessage());
		}
		finally {
			if (!accepted.isEmpty()) {
				outbox.sent(accepted, clock.instant());
			}
			close(transport);
		}
	}

	private void retryOrFail(Outbox.Mail mail, String error) {
		int attempts = mail.attempts() + 1;
		if (attempts >= properties.maxAttempts()) {
			outbox.failed(mail.id(), error);
		}
		else {
			outbox.retryLater(mail.id(), clock.instant().plus(properties.backoff(attempts)), error);
		}
	}

	/**
	 * A multipart/alternative e-mail built with JavaMail itself: Spring's {@code MimeMessageHelper} would build a new
	 * file-type map (reading {@code mime.types} from the class path) for every message not created by the
	 * {@code JavaMailSender}, which made that step cost milliseconds per e-mail.
	 */
	private MimeMessage compose(Session session, Outbox.Mail mail) throws MessagingException {
		var written = content.write(mail.kind(), Tally.decode(mail.payload()), mail.language());
		var text = new MimeBodyPart();
		text.setText(written.text(), "UTF-8", "plain");
		var html = new MimeBodyPart();
		html.setText(written.html(), "UTF-8", "html");
		var alternative = new MimeMultipart("alternative", text, html);
		var message = new NotificationMessage(session, mail.id());
		message.setFrom(from());
		message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(mail.address(), true));
		message.setSubject(written.subject(), "UTF-8");
		message.setSentDate(java.util.Date.from(clock.instant()));
		message.setContent(alternative);
		message.saveChanges();
		return message;
	}

	private InternetAddress from() throws AddressException {
		InternetAddress parsed = fromAddress;
		if (parsed == null) {
			parsed = new InternetAddress(properties.mailFrom(), true);
			fromAddress = parsed;
		}
		return parsed;
	}

	private static void close(Transport transport) {
		if (transport != null) {
			try {
				transport.close();
			}
			catch (MessagingException ex) {
				// the e-mails are accepted or not already; a failing QUIT changes nothing
			}
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	/** A Message-ID made from the outbox row, stable across attempts. */
	private static final class NotificationMessage extends MimeMessage {

		private final long id;

		NotificationMessage(Session session, long id) {
			super(session);
			this.id = id;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", "<notification-" + id + "@ebox.notifications>");
		}
	}
}
