package be.ebox.notifications.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's view of the outbox (the security configuration keeps /operator/** for operators). */
@Controller
class OperatorPage {

	private final Outbox outbox;

	private final Alerts alerts;

	private final Clock clock;

	OperatorPage(Outbox outbox, Alerts alerts, Clock clock) {
		this.outbox = outbox;
		this.alerts = alerts;
		this.clock = clock;
	}

	@GetMapping("/operator/notifications")
	String outbox(Model model) {
		var stats = outbox.stats(clock.instant());
		model.addAttribute("stats", stats);
		model.addAttribute("oldest", age(stats.oldestPending()));
		model.addAttribute("alerts", alerts.pending());
		model.addAttribute("failed", outbox.failed(50));
		return "notifications/operator";
	}

	@PostMapping("/operator/notifications/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", outbox.retry(id, clock.instant()) ? "notifications.operator.retried"
				: "notifications.operator.notFailed");
		return "redirect:/operator/notifications";
	}

	/** hh:mm:ss, or days and hours when it is that old; empty when nothing waits. */
	static String age(Duration age) {
		if (age == null) {
			return "";
		}
		long seconds = age.getSeconds();
		return seconds >= 86_400 ? "%dd %dh".formatted(seconds / 86_400, seconds % 86_400 / 3600)
				: "%02d:%02d:%02d".formatted(seconds / 3600, seconds % 3600 / 60, seconds % 60);
	}
}
