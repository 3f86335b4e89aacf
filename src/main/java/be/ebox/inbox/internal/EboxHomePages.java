package be.ebox.inbox.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import be.ebox.access.Reader;
import be.ebox.identity.EboxUser;
import be.ebox.messages.MessageFilter;
import be.ebox.messages.Messages;
import be.ebox.system.Languages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where a person lands after sign-in: the e-Boxes they may open (with their role, and access management for
 * managers), and the home of one e-Box: what is unread, what needs doing, what expires, what awaits an
 * acknowledgement, each a link to the inbox filtered on it. A person with one e-Box sees its home at once.
 */
@Controller
class EboxHomePages {

	/** Tasks due within this many days count as due soon. */
	static final int TASKS_DUE_WITHIN_DAYS = 7;

	/** Messages expiring within this many days count as expiring soon. */
	static final int EXPIRING_WITHIN_DAYS = 30;

	/**
	 * One line of the home: how many messages, and the inbox URL query that lists them.
	 * @param key the message key of its label
	 */
	public record Count(String id, String key, long count, String formatted, String query) {
	}

	public record Summary(long total, List<Count> counts) {
	}

	private final OpenEboxes eboxes;

	private final Messages messages;

	private final MessageViews views;

	EboxHomePages(OpenEboxes eboxes, Messages messages, MessageViews views) {
		this.eboxes = eboxes;
		this.messages = messages;
		this.views = views;
	}

	/** Read-only transactions: one connection per page (see {@link OpenEboxes#open}). */
	@GetMapping("/ebox")
	@Transactional(readOnly = true)
	String home(@AuthenticationPrincipal EboxUser user, Locale locale, Model model) {
		String language = Languages.of(locale);
		var choices = eboxes.of(user, language);
		model.addAttribute("eboxes", choices);
		Optional<OpenEboxes.Open> only = choices.size() == 1 ? eboxes.tryOpen(user, choices.get(0).digits(), language)
				: Optional.empty();
		only.ifPresent(open -> {
			model.addAttribute("open", open);
			model.addAttribute("summary", summary(open.reader(), views.presentation(locale)));
		});
		return "inbox/home";
	}

	@GetMapping("/ebox/{digits:[0-9]{10}}")
	@Transactional(readOnly = true)
	String ebox(@PathVariable String digits, @AuthenticationPrincipal EboxUser user, Locale locale, Model model) {
		var open = eboxes.open(user, digits, Languages.of(locale));
		model.addAttribute("open", open);
		model.addAttribute("summary", summary(open.reader(), views.presentation(locale)));
		return "inbox/ebox";
	}

	private Summary summary(Reader reader, Presentation p) {
		LocalDate today = p.today();
		LocalDate dueBefore = today.plusDays(TASKS_DUE_WITHIN_DAYS + 1);
		LocalDate expiresBefore = today.plusDays(EXPIRING_WITHIN_DAYS + 1);
		var visible = MessageFilter.where().hidden(false);
		var counts = List.of(
				count(reader, p, "unread", "inbox.home.unread", visible.build().and().read(false).build(), "read=no"),
				count(reader, p, "tasks", "inbox.home.tasks",
						visible.build().and().tasks(false, dueBefore).build(), "task=open&dueBefore=" + dueBefore),
				count(reader, p, "expiring", "inbox.home.expiring",
						visible.build().and()
							.expiringBetween(null, expiresBefore.atStartOfDay(Presentation.BELGIUM).toInstant())
							.build(),
						"expiresBefore=" + expiresBefore),
				count(reader, p, "acknowledgement", "inbox.home.acknowledgement",
						visible.build().and().acknowledgementPending(true).build(), "ack=pending"));
		return new Summary(messages.count(reader, MessageFilter.where().hidden(null).build()), counts);
	}

	private Count count(Reader reader, Presentation p, String id, String key, MessageFilter filter, String query) {
		long count = messages.count(reader, filter);
		return new Count(id, key, count, p.number(count), query);
	}
}
