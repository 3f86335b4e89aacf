package be.ebox.elections.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import be.ebox.console.SenderStaff;
import be.ebox.documents.BlobStore;
import be.ebox.identity.EboxUser;
import be.ebox.messages.PublicationException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The employment service's pages in the sender console: import of the database, the codes campaign, brochures, phase
 * notices, campaign progress and the dashboard. Only staff of the organisation behind the social elections reach
 * them; for anyone else they do not exist (404), like the rest of the console.
 */
@Controller
@RequestMapping("/console/elections")
class ConsolePages {

	private final SenderStaff staff;

	private final ElectionsSettings settings;

	private final ElectionsImport imports;

	private final CodesCampaign codes;

	private final BrochureCampaign brochures;

	private final PhaseNotices notices;

	private final Campaigns campaigns;

	private final Dossiers dossiers;

	private final Dashboard dashboard;

	private final Calendars calendars;

	private final BlobStore blobs;

	private final MessageSource messages;

	ConsolePages(SenderStaff staff, ElectionsSettings settings, ElectionsImport imports, CodesCampaign codes,
			BrochureCampaign brochures, PhaseNotices notices, Campaigns campaigns, Dossiers dossiers,
			Dashboard dashboard, Calendars calendars, BlobStore blobs, MessageSource messages) {
		this.staff = staff;
		this.settings = settings;
		this.imports = imports;
		this.codes = codes;
		this.brochures = brochures;
		this.notices = notices;
		this.campaigns = campaigns;
		this.dossiers = dossiers;
		this.dashboard = dashboard;
		this.calendars = calendars;
		this.blobs = blobs;
		this.messages = messages;
	}

	@GetMapping
	String home(Authentication authentication, Model model) {
		member(authentication);
		model.addAttribute("withoutCodes", dossiers.withoutCodes().size());
		model.addAttribute("campaigns", campaigns.recent(20));
		model.addAttribute("noticeDays", settings.noticeDaysBefore);
		model.addAttribute("reminderDays", settings.reminderDaysBefore);
		return "elections/console";
	}

	@PostMapping("/import")
	String importDatabase(@RequestParam(required = false) MultipartFile file, Authentication authentication,
			Locale locale, Model model) throws IOException {
		member(authentication);
		if (file == null || file.isEmpty()) {
			model.addAttribute("importErrors", List.of(messages.getMessage("elections.import.error.noFile", null, locale)));
			return home(authentication, model);
		}
		ElectionsImport.Outcome outcome;
		try (InputStream in = file.getInputStream()) {
			outcome = imports.importCsv(in);
		}
		if (!outcome.accepted()) {
			model.addAttribute("importErrors", outcome.errors()
				.stream()
				.map(e -> messages.getMessage("elections.import.line", new Object[] { e.line(),
						messages.getMessage("elections.import.error." + e.code(), e.arguments().toArray(), locale) },
						locale))
				.toList());
			return home(authentication, model);
		}
		model.addAttribute("imported", messages.getMessage("elections.import.done", new Object[] { outcome.enterprises(),
				outcome.units(), outcome.bodies(), outcome.newBodies() }, locale));
		return home(authentication, model);
	}

	@PostMapping("/codes")
	String codes(Authentication authentication) {
		EboxUser user = member(authentication);
		return codes.start(user.getUsername()).isEmpty() ? "redirect:/console/elections?noCodes"
				: "redirect:/console/elections?codes";
	}

	@PostMapping("/brochure")
	String brochure(@RequestParam(defaultValue = "") String subject, @RequestParam(required = false) MultipartFile file,
			Authentication authentication, Model model) throws IOException {
		EboxUser user = member(authentication);
		String error = null;
		if (subject.isBlank() || subject.length() > 255) {
			error = "elections.brochure.error.subject";
		}
		else if (file == null || file.isEmpty()) {
			error = "elections.brochure.error.file";
		}
		if (error == null) {
			be.ebox.documents.StoredBlob blob;
			try (InputStream in = file.getInputStream()) {
				blob = blobs.store(in);
			}
			if (!"application/pdf".equals(blob.mediaType())) {
				error = "elections.brochure.error.file";
			}
			else {
				try {
					String name = file.getOriginalFilename() == null ? "brochure.pdf"
							: file.getOriginalFilename().replaceAll(".*[/\\\\]", "");
					name = name.isBlank() || name.length() > 80 ? "brochure.pdf" : name;
					if (brochures.start(subject.strip(), name, blob, user.getUsername()).isPresent()) {
						return "redirect:/console/elections?brochure";
					}
					error = "elections.brochure.error.empty";
				}
				catch (PublicationException ex) {
					error = "elections.brochure.error.file";
				}
			}
		}
		model.addAttribute("brochureError", error);
		model.addAttribute("subject", subject);
		return home(authentication, model);
	}

	@PostMapping("/notices")
	String notices(Authentication authentication) {
		EboxUser user = member(authentication);
		return "redirect:/console/elections?notices=" + notices.sendDue(user.getUsername());
	}

	@GetMapping("/dashboard")
	String dashboard(Authentication authentication, Locale locale, Model model) {
		member(authentication);
		var figures = dashboard.figures();
		model.addAttribute("figures", figures);
		String language = locale.getLanguage();
		model.addAttribute("eboxChart", BarChart.of(
				List.of(text("elections.dashboard.ebox.NONE", locale), text("elections.dashboard.ebox.ACTIVE", locale)),
				List.of(figures.inactive(), figures.active()), List.of(figures.enterprises(), figures.enterprises())));
		model.addAttribute("letterChart", BarChart.of(
				List.of(text("elections.dashboard.letters.read", locale), text("elections.dashboard.letters.unread", locale)),
				List.of(figures.read(), figures.letters() - figures.read()), List.of(figures.letters(), figures.letters())));
		var milestones = calendars.all().stream().flatMap(c -> c.milestones().stream()).toList();
		model.addAttribute("milestones", milestones.stream()
			.map(m -> new MilestoneRow(m.code(), m.name(language), figures.confirmedByMilestone().getOrDefault(m.code(), 0L)))
			.toList());
		model.addAttribute("phaseChart", BarChart.of(milestones.stream().map(m -> m.code() + " " + m.name(language)).toList(),
				milestones.stream().map(m -> figures.confirmedByMilestone().getOrDefault(m.code(), 0L)).toList(),
				milestones.stream().map(m -> figures.dossiers()).toList()));
		model.addAttribute("offline", dashboard.withoutActiveEbox());
		return "elections/dashboard";
	}

	record MilestoneRow(String code, String name, long confirmed) {
	}

	@GetMapping("/no-ebox.csv")
	void offlineCsv(Authentication authentication, HttpServletResponse response) throws IOException {
		member(authentication);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"enterprises-without-ebox.csv\"");
		var out = new StringBuilder("enterpriseNumber,name,language,consultationBodies\n");
		for (var o : dashboard.withoutActiveEbox()) {
			out.append(o.number().formatted())
				.append(',')
				.append(Campaigns.csv(spreadsheetSafe(o.name())))
				.append(',')
				.append(o.language())
				.append(',')
				.append(o.bodies())
				.append('\n');
		}
		response.getOutputStream().write(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/no-ebox.pdf")
	void offlineLetters(Authentication authentication, HttpServletResponse response) throws IOException {
		member(authentication);
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "attachment; filename=\"letters-without-ebox.pdf\"");
		dashboard.printableLetters(response.getOutputStream());
	}

	/** A name starting with = + - @ would be a formula in a spreadsheet: a leading quote keeps it text. */
	static String spreadsheetSafe(String value) {
		return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private EboxUser member(Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof EboxUser user && !user.isOperator()
				&& staff.organisationOf(user.accountId()).filter(settings.organisation::equals).isPresent()) {
			return user;
		}
		throw new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
