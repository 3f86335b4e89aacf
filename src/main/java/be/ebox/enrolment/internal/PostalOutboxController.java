package be.ebox.enrolment.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import be.ebox.identity.EboxUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Operator pages of the print queue (the security configuration keeps /operator/** for operators). */
@Controller
class PostalOutboxController {

	static final int PAGE_SIZE = 50;

	static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ActivationLetterPdf.BELGIUM);

	record LetterView(String id, String enterpriseNumber, String addressee, String language, String state,
			String createdAt, String printedAt, String printedBy, boolean downloadable) {
	}

	private final PostalOutbox outbox;

	private final PostalOutboxService service;

	PostalOutboxController(PostalOutbox outbox, PostalOutboxService service) {
		this.outbox = outbox;
		this.service = service;
	}

	@GetMapping("/operator/enrolment/postal-outbox")
	String list(@RequestParam(defaultValue = "1") int page, Model model) {
		int current = Math.max(1, page);
		model.addAttribute("letters", outbox.page((current - 1) * PAGE_SIZE, PAGE_SIZE).stream()
			.map(l -> new LetterView(l.id().toString(), l.enterprise().formatted(), l.addressee(), l.language(),
					l.state().name(), format(l.createdAt()), format(l.printedAt()), l.printedBy(), l.hasPdf()))
			.toList());
		model.addAttribute("page", current);
		model.addAttribute("hasNext", outbox.count() > (long) current * PAGE_SIZE);
		return "enrolment/operator/postal-outbox";
	}

	@GetMapping("/operator/enrolment/postal-outbox/{id}/pdf")
	ResponseEntity<byte[]> download(@PathVariable UUID id, @AuthenticationPrincipal EboxUser operator) {
		return service.download(id, operator.getUsername())
			.map(pdf -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("activation-letter-" + id + ".pdf").build().toString())
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(pdf))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@PostMapping("/operator/enrolment/postal-outbox/{id}/printed")
	String markPrinted(@PathVariable UUID id, @AuthenticationPrincipal EboxUser operator, RedirectAttributes redirect) {
		boolean marked = service.markPrinted(id, operator.getUsername());
		redirect.addFlashAttribute("notice", marked ? "outbox.printed.done" : "outbox.printed.notWaiting");
		return "redirect:/operator/enrolment/postal-outbox";
	}

	static String format(Instant instant) {
		return instant == null ? "" : TIMESTAMP.format(instant);
	}
}
