package be.ebox.notifications.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the notifications ({@code EBOX_NOTIFICATIONS_*}, see README).
 * @param workers false: nothing runs on its own (tests drive the steps); true: this instance sends and reminds
 * @param mailFrom the sender address of every notification e-mail
 * @param publicUrl the address people type, for the links in the e-mails
 * @param unreadAfter a reminder when a message is still unread this long after it became visible
 * @param expiryWarning an alert this long before an unread message expires
 * @param taskReminderDays days before a task's due date to remind, unless its type has a sender's schedule
 * @param acknowledgementAfter a reminder when an acknowledgement is still missing this long after visibility
 * @param summaryHour the hour of the daily summary, in {@code zone}
 * @param alertBatch alerts turned into e-mails or summary items per transaction
 * @param mailBatch e-mails claimed at once by one sender thread, sent over one SMTP connection
 * @param senderThreads sender threads per instance
 * @param alertThreads threads per instance turning due alerts into e-mails and summary items
 * @param maxAttempts attempts before an e-mail is marked failed (the operator may retry it)
 * @param retryBase the wait after the first failed attempt, doubled after each further one up to {@code retryMax}
 * @param lease how long a claimed e-mail stays with the instance that claimed it
 * @param pollInterval how often an idle worker looks for work
 * @param addressCheckValidity how long the link that verifies an address works
 */
@ConfigurationProperties("ebox.notifications")
record NotificationProperties(boolean workers, String mailFrom, String publicUrl, Duration unreadAfter,
		Duration expiryWarning, List<Integer> taskReminderDays, Duration acknowledgementAfter, int summaryHour,
		ZoneId zone, int alertBatch, int mailBatch, int senderThreads, int alertThreads, int maxAttempts, Duration retryBase,
		Duration retryMax, Duration lease, Duration pollInterval, Duration addressCheckValidity) {

	String base() {
		return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/** The wait before attempt number {@code attempts + 1}: exponential, capped. */
	Duration backoff(int attempts) {
		Duration wait = retryBase;
		for (int i = 1; i < attempts && wait.compareTo(retryMax) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(retryMax) > 0 ? retryMax : wait;
	}
}
