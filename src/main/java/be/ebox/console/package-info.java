/**
 * The sender console: pages for the staff of a sender organisation (an institution) to publish one message, follow
 * what they sent and how much of it was read. Staff act for their own organisation only; the operator assigns them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sender console")
package be.ebox.console;
