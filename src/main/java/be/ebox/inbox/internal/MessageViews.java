package be.ebox.inbox.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import be.ebox.messages.Message;
import be.ebox.messages.ReadableMessage;
import be.ebox.senders.MessageKind;
import be.ebox.senders.MessageType;
import be.ebox.senders.ReferenceData;
import be.ebox.senders.SenderOrganisation;
import org.springframework.stereotype.Component;

/** Turns messages into what the pages show, looking each sender and type up once per page. */
@Component
class MessageViews {

	private static final List<String> LANGUAGES = List.of("nl", "fr", "de", "en");

	private final ReferenceData referenceData;

	private final Clock clock;

	MessageViews(ReferenceData referenceData, Clock clock) {
		this.referenceData = referenceData;
		this.clock = clock;
	}

	Presentation presentation(Locale locale) {
		return new Presentation(locale, clock);
	}

	/**
	 * The lines of the inbox list, with only what a line shows. Senders and types are named from lists the page has
	 * read anyway (those of its filter form) instead of looking each one up again; one missing from the lists is still
	 * looked up.
	 * @param messagesPath the path of the open e-Box's messages, context path included, e.g. {@code /ebox/0412345614/messages}
	 * @param contextPath the application's context path, empty at the root
	 */
	List<InboxRow> rows(List<ReadableMessage> messages, Presentation p, InboxLabels labels, String contextPath,
			String messagesPath, List<SenderOrganisation> organisations, List<MessageType> types) {
		var lookups = new Lookups();
		organisations.forEach(o -> lookups.senders.put(o.number().digits(), Optional.of(o)));
		types.forEach(t -> lookups.types.put(t.id().value(), Optional.of(t)));
		return messages.stream().map(m -> row(m, p, labels, contextPath, messagesPath, lookups)).toList();
	}

	private InboxRow row(ReadableMessage readable, Presentation p, InboxLabels labels, String contextPath,
			String messagesPath, Lookups lookups) {
		Message m = readable.message();
		var state = readable.state();
		Message.Content content = content(m, p.language());
		var sender = lookups.sender(m);
		String senderDigits = m.senderOrganisation().digits();
		String id = m.id().toString();
		var badges = new ArrayList<InboxRow.Badge>(0);
		if (m.kind() == MessageKind.TASK) {
			String due = p.date(m.dueDate());
			boolean overdue = m.dueDate() != null && state.doneAt() == null && p.daysUntil(m.dueDate()) < 0;
			badges.add(state.isDone() ? new InboxRow.Badge(labels.taskDone, "badge")
					: overdue ? new InboxRow.Badge(labels.overdue(due), "badge badge--warning")
							: new InboxRow.Badge(labels.due(due), null));
		}
		if (m.acknowledgementRequired() && !state.isAcknowledged()) {
			badges.add(new InboxRow.Badge(labels.acknowledgementPending, "badge"));
		}
		if (state.hidden()) {
			badges.add(new InboxRow.Badge(labels.hidden, "badge"));
		}
		return new InboxRow("message-" + id, state.isRead() ? "inbox-item is-read" : "inbox-item is-unread",
				messagesPath + "/" + id,
				sender.flatMap(SenderOrganisation::logo).isPresent()
						? contextPath + "/ebox/senders/" + senderDigits + "/logo" : null,
				sender.map(s -> s.shortName().in(p.language())).orElse(m.senderOrganisation().formatted()),
				state.isRead() ? null : labels.unread,
				content == null || content.subject() == null ? "" : content.subject(),
				content == null ? p.language() : content.language(),
				lookups.type(m).map(t -> t.name().in(p.language())).orElse(m.messageType().value()),
				labels.received(p.dateTime(m.visibleFrom())), labels.expiry(p.daysUntil(m.expiresAt()), p), badges);
	}

	MessageView of(ReadableMessage message, Presentation p) {
		return view(message, p, new Lookups());
	}

	private MessageView view(ReadableMessage readable, Presentation p, Lookups lookups) {
		Message m = readable.message();
		var state = readable.state();
		Message.Content content = content(m, p.language());
		String contentLanguage = content == null ? p.language() : content.language();
		var sender = lookups.sender(m);
		String senderName = sender.map(s -> s.shortName().in(p.language())).orElse(m.senderOrganisation().formatted());
		String typeName = lookups.type(m).map(t -> t.name().in(p.language())).orElse(m.messageType().value());
		var documents = m.attachments()
			.stream()
			.map(a -> new MessageView.Document(a.position(), documentName(a, p.language()), a.fileName(), a.mediaType(),
					typeLabel(a), p.size(a.size()), "application/pdf".equals(a.mediaType()), a.mainContent()))
			.toList();
		return new MessageView(m.id().toString(), content == null || content.subject() == null ? "" : content.subject(),
				content == null ? null : content.body(), contentLanguage, !contentLanguage.equals(p.language()),
				p.languageName(contentLanguage), senderName, m.senderOrganisation().digits(),
				sender.flatMap(SenderOrganisation::logo).isPresent(), typeName, m.kind().name(), p.dateTime(m.visibleFrom()),
				p.date(m.expiresAt()), p.daysUntil(m.expiresAt()), p.date(m.dueDate()),
				m.dueDate() != null && state.doneAt() == null && p.daysUntil(m.dueDate()) < 0, state.isRead(),
				p.dateTime(state.firstReadAt()), state.hidden(), state.isDone(), m.acknowledgementRequired(),
				state.isAcknowledged(), m.replyAuthorized(), m.bodyMainContent(), documents);
	}

	/** The content in the reader's language when it has a subject, else the first of nl, fr, de, en that has one. */
	private static Message.Content content(Message m, String language) {
		Message.Content own = m.contents().get(language);
		if (own != null && own.subject() != null) {
			return own;
		}
		return LANGUAGES.stream()
			.map(m.contents()::get)
			.filter(c -> c != null && c.subject() != null)
			.findFirst()
			.orElse(own);
	}

	private static String documentName(Message.Attachment a, String language) {
		String title = a.titles().get(language);
		return title == null || title.isBlank() ? a.fileName() : title;
	}

	private static String typeLabel(Message.Attachment a) {
		String name = a.fileName();
		int dot = name.lastIndexOf('.');
		if (dot > 0 && dot < name.length() - 1 && name.length() - dot <= 6) {
			return name.substring(dot + 1).toUpperCase(Locale.ROOT);
		}
		return a.mediaType();
	}

	/** Sender organisations and message types of one page. */
	private final class Lookups {

		private final Map<String, Optional<SenderOrganisation>> senders = new HashMap<>();

		private final Map<String, Optional<MessageType>> types = new HashMap<>();

		Optional<SenderOrganisation> sender(Message m) {
			return senders.computeIfAbsent(m.senderOrganisation().digits(),
					d -> referenceData.organisation(m.senderOrganisation()));
		}

		Optional<MessageType> type(Message m) {
			return types.computeIfAbsent(m.messageType().value(), t -> referenceData.findMessageType(m.messageType()));
		}
	}
}
