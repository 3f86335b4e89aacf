package be.ebox.notifications.internal;

/** How a person hears about a message type. */
enum Mode {
	AT_ONCE, DAILY, NEVER
}
