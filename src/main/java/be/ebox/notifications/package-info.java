/**
 * Notifications: e-mail alerts for new messages, reminders (unread, expiring, tasks due or overdue, acknowledgement
 * missing, sender schedules), the daily summary, and the outbox that delivers them over SMTP. An e-mail says how many
 * items wait and where, never their subject, content or sender.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package be.ebox.notifications;
