package be.ebox.notifications.internal;

import java.util.List;

import be.ebox.messages.MessagePublished;
import be.ebox.messages.MessagesPublished;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the NEW alert of a published message. A plain {@link EventListener} runs inside the publication's own
 * transaction, so the alert is stored (or rolled back) with the message itself: a transactional outbox. An
 * {@code @ApplicationModuleListener} would run after the commit, and without a persistent event publication registry
 * (this application has none) a crash between the commit and the listener would lose the notification.
 */
@Component
class PublicationListener {

	private final Alerts alerts;

	PublicationListener(Alerts alerts) {
		this.alerts = alerts;
	}

	@EventListener
	void on(MessagePublished event) {
		alerts.add(List.of(new Alert(0, event.id(), event.recipient(), event.messageType(), event.isProtected(),
				Reason.NEW, event.visibleFrom())));
	}

	/** A bulk chunk's messages: their alerts in one batch, in the chunk's transaction. */
	@EventListener
	void on(MessagesPublished event) {
		if (!event.messages().isEmpty()) {
			alerts.add(event.messages().stream().map(m -> new Alert(0, m.id(), m.recipient(), m.messageType(),
					m.isProtected(), Reason.NEW, m.visibleFrom())).toList());
		}
	}
}
