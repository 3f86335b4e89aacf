package be.ebox.inbox.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.ebox.identity.EboxUser;
import be.ebox.messages.BusinessData;
import be.ebox.messages.Evidence;
import be.ebox.messages.MessageActions;
import be.ebox.messages.MessageId;
import be.ebox.messages.MessagePage;
import be.ebox.messages.Messages;
import be.ebox.messages.ReadableMessage;
import be.ebox.messages.Replies;
import be.ebox.senders.ReferenceData;
import be.ebox.system.Languages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inbox of an open e-Box (filters and search in the URL, newest first, paged) and the message page with what a
 * reader does with a message. A message the person may not read is a 404 on every path, as if it did not exist.
 */
@Controller
@RequestMapping("/ebox/{digits:[0-9]{10}}/messages")
class InboxPages {

	static final int PAGE_SIZE = 25;

	private final OpenEboxes eboxes;

	private final Messages messages;

	private final MessageActions actions;

	private final BusinessData businessData;

	private final Evidence evidence;

	private final Replies replies;

	private final ReferenceData referenceData;

	private final MessageViews views;

	private final MessageSource messageSource;

	InboxPages(OpenEboxes eboxes, Messages messages, MessageActions actions, BusinessData businessData,
			Evidence evidence, Replies replies, ReferenceData referenceData, MessageViews views,
			MessageSource messageSource) {
		this.eboxes = eboxes;
		this.messages = messages;
		this.actions = actions;
		this.businessData = businessData;
		this.evidence = evidence;
		this.replies = replies;
		this.referenceData = referenceData;
		this.views = views;
		this.messageSource = messageSource;
	}

	/** One read-only transaction for all the page's reads: one connection per page (see {@link OpenEboxes#open}). */
	@GetMapping
	@Transactional(readOnly = true)
	String list(@PathVariable String digits, @RequestParam Map<String, String> params,
			@AuthenticationPrincipal EboxUser user, Locale locale, HttpServletRequest request, Model model) {
		String language = Languages.of(locale);
		var open = eboxes.open(user, digits, language);
		var filter = InboxFilter.of(params);
		var errors = filter.errors();
		var p = views.presentation(locale);
		int page = page(params.get("page"));
		MessagePage result = messages.search(open.reader(), filter.toMessageFilter(), page, PAGE_SIZE);
		if (result.items().isEmpty() && page > result.pageCount()) {
			page = (int) result.pageCount();
			result = messages.search(open.reader(), filter.toMessageFilter(), page, PAGE_SIZE);
		}
		String base = "/ebox/" + open.digits() + "/messages";
		model.addAttribute("open", open);
		model.addAttribute("filter", filter);
		model.addAttribute("errors", errors);
		model.addAttribute("result", result);
		model.addAttribute("total", p.number(result.total()));
		var organisations = referenceData.organisations();
		var types = referenceData.messageTypes();
		var rows = views.rows(result.items(), p, new InboxLabels(messageSource, locale), request.getContextPath(),
				request.getContextPath() + base, organisations, types);
		model.addAttribute("rows", rows);
		model.addAttribute("lines", InboxLines.html(rows));
		model.addAttribute("senders", organisations.stream()
			.map(o -> Option.of(o.number().digits(), o.shortName().in(language), filter.sender()))
			.toList());
		model.addAttribute("types", types.stream()
			.map(t -> Option.of(t.id().value(), t.name().in(language), filter.type()))
			.sorted((a, b) -> a.label().compareToIgnoreCase(b.label()))
			.toList());
		model.addAttribute("dates", List.of(DateField.of("from", filter.from(), errors),
				DateField.of("to", filter.to(), errors), DateField.of("expiresBefore", filter.expiresBefore(), errors),
				DateField.of("dueBefore", filter.dueBefore(), errors)));
		model.addAttribute("previous", page > 1 ? pageLink(base, filter, page - 1) : null);
		model.addAttribute("next", page < result.pageCount() ? pageLink(base, filter, page + 1) : null);
		model.addAttribute("pageOf", new String[] { p.number(page), p.number(result.pageCount()) });
		return "inbox/messages";
	}

	/** A choice of a filter list; {@code selected} when the filter holds it (worked out here, not per option in the template). */
	public record Option(String value, String label, boolean selected) {

		static Option of(String value, String label, String chosen) {
			return new Option(value, label, value.equals(chosen));
		}
	}

	/**
	 * A date filter of the form as typed.
	 * @param error the message key of its error, or null
	 */
	public record DateField(String name, String value, String error) {

		static DateField of(String name, String value, Map<String, String> errors) {
			return new DateField(name, value, errors.get(name));
		}
	}

	/** Read-write: showing a body that is the main content opens it (evidence). */
	@GetMapping("/{id}")
	@Transactional
	String message(@PathVariable String digits, @PathVariable String id, @RequestParam(required = false) String changed,
			@AuthenticationPrincipal EboxUser user, Locale locale, Model model) {
		String language = Languages.of(locale);
		var open = eboxes.open(user, digits, language);
		ReadableMessage readable = find(open, id);
		if (readable.message().bodyMainContent() && !readable.state().isRead()) {
			// the page shows the body: when it is the main content, showing it is opening it
			actions.openMainContent(open.reader(), readable.id());
			readable = find(open, id);
		}
		var p = views.presentation(locale);
		model.addAttribute("open", open);
		model.addAttribute("m", views.of(readable, p));
		model.addAttribute("businessData", businessData.of(open.reader(), readable.id(), language));
		model.addAttribute("replies", replies.of(open.reader(), readable.id())
			.stream()
			.map(r -> new ReplyView(p.dateTime(r.at()), r.text()))
			.toList());
		model.addAttribute("timeline", evidence.timeline(readable.id())
			.stream()
			.map(e -> new EventView(p.dateTime(e.at()), e.kind().name(), e.actorKind(),
					open.reader().actor().equals(e.actor()), e.attachmentPosition()))
			.toList());
		model.addAttribute("changed", changed != null && changed.matches("[a-z]{1,20}") ? changed : null);
		model.addAttribute("replyMax", Replies.MAX_LENGTH);
		if (!model.containsAttribute("replyText")) {
			model.addAttribute("replyText", "");
		}
		return "inbox/message";
	}

	public record ReplyView(String at, String text) {
	}

	/** @param you the person looking did it */
	public record EventView(String at, String kind, String actorKind, boolean you, Integer attachmentPosition) {
	}

	@PostMapping("/{id}/{action:hide|unhide|done|reopen|acknowledge}")
	String act(@PathVariable String digits, @PathVariable String id, @PathVariable String action,
			@AuthenticationPrincipal EboxUser user, Locale locale) {
		var open = eboxes.open(user, digits, Languages.of(locale));
		MessageId messageId = find(open, id).id();
		boolean changed = switch (action) {
			case "hide" -> actions.hide(open.reader(), messageId);
			case "unhide" -> actions.unhide(open.reader(), messageId);
			case "done" -> actions.markDone(open.reader(), messageId);
			case "reopen" -> actions.reopen(open.reader(), messageId);
			default -> actions.acknowledge(open.reader(), messageId);
		};
		return "redirect:/ebox/" + open.digits() + "/messages/" + messageId + (changed ? "?changed=" + action : "");
	}

	@PostMapping("/{id}/reply")
	@Transactional
	String reply(@PathVariable String digits, @PathVariable String id, @RequestParam(defaultValue = "") String text,
			@AuthenticationPrincipal EboxUser user, Locale locale, Model model) {
		var open = eboxes.open(user, digits, Languages.of(locale));
		ReadableMessage readable = find(open, id);
		if (!readable.message().replyAuthorized()) {
			throw OpenEboxes.notFound();
		}
		String error = text.isBlank() ? "inbox.reply.error.blank"
				: text.strip().length() > Replies.MAX_LENGTH ? "inbox.reply.error.long" : null;
		if (error != null) {
			model.addAttribute("replyError", error);
			model.addAttribute("replyText", text);
			return message(digits, id, null, user, locale, model);
		}
		replies.reply(open.reader(), readable.id(), text);
		return "redirect:/ebox/" + open.digits() + "/messages/" + readable.id() + "?changed=reply";
	}

	private ReadableMessage find(OpenEboxes.Open open, String id) {
		return MessageId.parse(id)
			.flatMap(messageId -> messages.findFor(open.reader(), messageId))
			.orElseThrow(OpenEboxes::notFound);
	}

	private static String pageLink(String base, InboxFilter filter, int page) {
		return UriComponentsBuilder.fromPath(base)
			.queryParams(filter.params())
			.queryParam("page", page)
			.encode()
			.build()
			.toUriString();
	}

	private static int page(String text) {
		try {
			return Math.max(1, Integer.parseInt(text == null ? "1" : text.strip()));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}
}
