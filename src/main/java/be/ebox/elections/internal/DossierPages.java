package be.ebox.elections.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import be.ebox.documents.BlobStore;
import be.ebox.identity.SignInThrottle;
import be.ebox.identity.TemporarilyLockedException;
import be.ebox.registry.EnterpriseNumber;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The web application reached with the dossier codes: the calendar of this dossier, confirming a phase, uploading a
 * phase's document, and new codes for a lost password (through the e-Box only). Every query is scoped by the signed-in
 * dossier; {@link ElectionsSecurity} lets only a dossier in.
 */
@Controller
@RequestMapping("/elections/app")
class DossierPages {

	static final long MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;

	private final Dossiers dossiers;

	private final Calendars calendars;

	private final BlobStore blobs;

	private final CodesCampaign codes;

	private final SignInThrottle throttle;

	private final ElectionsSettings settings;

	private final java.time.Clock clock;

	DossierPages(Dossiers dossiers, Calendars calendars, BlobStore blobs, CodesCampaign codes, SignInThrottle throttle,
			ElectionsSettings settings, java.time.Clock clock) {
		this.dossiers = dossiers;
		this.calendars = calendars;
		this.blobs = blobs;
		this.codes = codes;
		this.throttle = throttle;
		this.settings = settings;
		this.clock = clock;
	}

	/** A row of the calendar. */
	record PhaseRow(String code, int position, String name, LocalDate date, boolean confirmed) {
	}

	record DocumentRow(String phase, String fileName, java.time.Instant uploadedAt) {
	}

	@GetMapping("/login")
	String login() {
		return "elections/app-login";
	}

	@GetMapping
	String calendar(Authentication authentication, Locale locale, Model model) {
		Dossier dossier = dossier(authentication);
		var confirmed = dossiers.confirmed(dossier.number());
		var calendar = calendars.of(dossier.year()).orElseThrow();
		List<PhaseRow> rows = calendar.phases(dossier.electionDay())
			.stream()
			.map(p -> new PhaseRow(p.milestone().code(), p.milestone().position(),
					p.milestone().name(locale.getLanguage()), p.date(), confirmed.contains(p.milestone().code())))
			.toList();
		model.addAttribute("dossier", dossier);
		model.addAttribute("phases", rows);
		model.addAttribute("documents", dossiers.documents(dossier.number())
			.stream()
			.map(d -> new DocumentRow(
					calendar.milestone(d.milestone()).map(m -> m.name(locale.getLanguage())).orElse(d.milestone()),
					d.fileName(), d.uploadedAt()))
			.toList());
		return "elections/app-calendar";
	}

	@PostMapping("/confirm")
	String confirm(@RequestParam(defaultValue = "") String phase, Authentication authentication) {
		Dossier dossier = dossier(authentication);
		if (calendars.of(dossier.year()).flatMap(c -> c.milestone(phase)).isEmpty()) {
			return "redirect:/elections/app";
		}
		dossiers.confirm(dossier.number(), phase);
		return "redirect:/elections/app?confirmed";
	}

	@PostMapping("/upload")
	String upload(@RequestParam(defaultValue = "") String phase, @RequestParam(required = false) MultipartFile file,
			Authentication authentication, Locale locale, Model model) throws IOException {
		Dossier dossier = dossier(authentication);
		if (calendars.of(dossier.year()).flatMap(c -> c.milestone(phase)).isEmpty()) {
			model.addAttribute("uploadError", "elections.app.upload.error.phase");
			return calendar(authentication, locale, model);
		}
		if (file == null || file.isEmpty() || file.getSize() > MAX_DOCUMENT_BYTES) {
			model.addAttribute("uploadError", "elections.app.upload.error.file");
			return calendar(authentication, locale, model);
		}
		be.ebox.documents.StoredBlob blob;
		try (InputStream in = file.getInputStream()) {
			blob = blobs.store(in);
		}
		// the real type, sniffed from the bytes, not the declared one
		if (!"application/pdf".equals(blob.mediaType())) {
			model.addAttribute("uploadError", "elections.app.upload.error.file");
			return calendar(authentication, locale, model);
		}
		dossiers.addDocument(dossier.number(), phase, fileName(file.getOriginalFilename()), blob);
		return "redirect:/elections/app?uploaded";
	}

	@GetMapping("/lost")
	String lost() {
		return "elections/app-lost";
	}

	@PostMapping("/lost")
	String lost(@RequestParam(defaultValue = "") String dossier, @RequestParam(defaultValue = "") String enterprise,
			jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
			Model model) {
		if (dossier.isBlank() || dossier.length() > 20 || !EnterpriseNumber.isValid(enterprise)) {
			model.addAttribute("error", true);
			model.addAttribute("dossierValue", dossier.length() > 20 ? "" : dossier);
			model.addAttribute("enterpriseValue", enterprise.length() > 20 ? "" : enterprise);
			return "elections/app-lost";
		}
		// each new letter makes the old password void: without limits anyone who knows a dossier's two numbers could
		// keep its enterprise from signing in, and anyone could try pairs; wrong pairs count as failed secrets
		String throttleKey = "elections-dossier:" + dossier.strip();
		try {
			throttle.checkAllowed(throttleKey, request.getRemoteAddr());
		}
		catch (TemporarilyLockedException ex) {
			response.setStatus(429);
			model.addAttribute("locked", true);
			return "elections/app-lost";
		}
		var match = dossiers.find(dossier.strip())
			.filter(d -> d.enterprise().equals(EnterpriseNumber.parse(enterprise)) && d.passwordHash() != null);
		if (match.isEmpty()) {
			throttle.recordFailure(throttleKey, request.getRemoteAddr());
		}
		// the same answer whether or not the pair exists, and when the last letter is too recent to send another
		// (that letter is in the e-Box already): the page does not tell which dossiers there are
		match.filter(d -> dossiers.codesIssuedAt(d.number())
			.map(issued -> !issued.toInstant().plus(settings.lostCodesInterval).isAfter(clock.instant()))
			.orElse(true))
			.ifPresent(d -> codes.reissue(d, "lost-password"));
		return "redirect:/elections/app/lost?sent";
	}

	private Dossier dossier(Authentication authentication) {
		if (!(authentication.getPrincipal() instanceof DossierPrincipal principal)) {
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
		return dossiers.find(principal.dossierNumber())
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND));
	}

	private static String fileName(String original) {
		String name = original == null ? "" : original.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
		if (name.isEmpty()) {
			name = "document.pdf";
		}
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}
}
