/**
 * Inbox: the e-Box in the browser for the people of an enterprise — the home of an e-Box, the inbox with its filters
 * and search, the message page with its documents, tasks, acknowledgement and reply. Pages only: the messages come
 * from the {@code messages} module's public API, scoped by the person's {@code access} rights.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbox")
package be.ebox.inbox;
