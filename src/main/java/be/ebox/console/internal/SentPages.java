package be.ebox.console.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import be.ebox.messages.Evidence;
import be.ebox.messages.MessageId;
import be.ebox.messages.Messages;
import be.ebox.messages.Replies;
import be.ebox.messages.SentMessages;
import be.ebox.senders.MessageType;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.ReferenceData;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the organisation sent: the home page, the paged list with each message's state, one message with its evidence
 * timeline, and the chart of reads over time. Everything is scoped by the staff member's organisation: another
 * organisation's message is a 404, as if it did not exist.
 */
@Controller
@RequestMapping("/console")
class SentPages {

	static final int PAGE_SIZE = 25;

	static final int CHART_DAYS = 30;

	static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BELGIUM);

	private final Staff staff;

	private final SentMessages sent;

	private final Messages messages;

	private final Evidence evidence;

	private final ReferenceData referenceData;

	private final Clock clock;

	private final Replies replies;

	SentPages(Staff staff, SentMessages sent, Messages messages, Evidence evidence, ReferenceData referenceData,
			Clock clock, Replies replies) {
		this.replies = replies;
		this.staff = staff;
		this.sent = sent;
		this.messages = messages;
		this.evidence = evidence;
		this.referenceData = referenceData;
		this.clock = clock;
	}

	/** What a sent message is now, for its sender. */
	public enum Status {
		NOT_YET_VISIBLE, UNREAD, READ, EXPIRED;

		static Status of(SentMessages.Sent message, Instant now) {
			if (message.visibleFrom().isAfter(now)) {
				return NOT_YET_VISIBLE;
			}
			if (!message.expiresAt().isAfter(now)) {
				return EXPIRED;
			}
			return message.state().isRead() ? READ : UNREAD;
		}
	}

	/** A row of the list. */
	public record Row(SentMessages.Sent message, String subject, String typeName, Status status) {
	}

	@GetMapping
	String home(Authentication authentication, Model model) {
		var member = staff.of(authentication);
		model.addAttribute("organisation", member.organisation());
		model.addAttribute("total", sent.page(member.number(), null, 1, 1).totalItems());
		return "console/home";
	}

	@GetMapping("/messages")
	String list(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String type,
			Authentication authentication, Model model, java.util.Locale locale) {
		var member = staff.of(authentication);
		List<MessageType> types = referenceData.messageTypesOf(member.number());
		MessageTypeId chosen = chosen(types, type);
		var first = sent.page(member.number(), chosen, 1, PAGE_SIZE);
		int current = Math.min(Math.max(page, 1), first.pages());
		var result = current == 1 ? first : sent.page(member.number(), chosen, current, PAGE_SIZE);
		String language = be.ebox.system.Languages.of(locale);
		Instant now = clock.instant();
		model.addAttribute("organisation", member.organisation());
		model.addAttribute("types", types);
		model.addAttribute("type", chosen == null ? "" : chosen.value());
		model.addAttribute("result", result);
		model.addAttribute("rows", result.items()
			.stream()
			.map(m -> new Row(m, m.subject(language), typeName(types, m.type(), language), Status.of(m, now)))
			.toList());
		model.addAttribute("time", TIME);
		return "console/messages";
	}

	@GetMapping("/messages/{id}")
	String detail(@PathVariable String id, Authentication authentication, Model model, java.util.Locale locale) {
		var member = staff.of(authentication);
		var message = MessageId.parse(id)
			.flatMap(messageId -> sent.find(member.number(), messageId))
			.orElseThrow(Staff::notFound);
		String language = be.ebox.system.Languages.of(locale);
		List<MessageType> types = referenceData.messageTypesOf(member.number());
		model.addAttribute("organisation", member.organisation());
		model.addAttribute("row", new Row(message, message.subject(language), typeName(types, message.type(), language),
				Status.of(message, clock.instant())));
		model.addAttribute("attachments", messages.find(message.id()).map(m -> m.attachments()).orElse(List.of()));
		model.addAttribute("timeline", evidence.timeline(message.id()));
		model.addAttribute("replies", replies.toSender(member.number(), message.id()));
		model.addAttribute("time", TIME);
		return "console/message";
	}

	@GetMapping("/reads")
	String reads(@RequestParam(required = false) String type, Authentication authentication, Model model,
			java.util.Locale locale) {
		var member = staff.of(authentication);
		List<MessageType> types = referenceData.messageTypesOf(member.number());
		MessageTypeId chosen = chosen(types, type);
		LocalDate today = LocalDate.now(clock.withZone(BELGIUM));
		var days = sent.readsOverTime(member.number(), chosen, today.minusDays(CHART_DAYS - 1), today);
		model.addAttribute("organisation", member.organisation());
		model.addAttribute("types", types);
		model.addAttribute("type", chosen == null ? "" : chosen.value());
		model.addAttribute("typeName", chosen == null ? null : typeName(types, chosen, be.ebox.system.Languages.of(locale)));
		model.addAttribute("chart", ReadChart.of(days));
		return "console/reads";
	}

	/** Only a type of the organisation filters; anything else means every type. */
	private static MessageTypeId chosen(List<MessageType> types, String type) {
		return types.stream().map(MessageType::id).filter(id -> id.value().equals(type)).findFirst().orElse(null);
	}

	private static String typeName(List<MessageType> types, MessageTypeId id, String language) {
		return types.stream()
			.filter(t -> t.id().equals(id))
			.map(t -> t.name().in(language))
			.findFirst()
			.orElse(id.value());
	}
}
