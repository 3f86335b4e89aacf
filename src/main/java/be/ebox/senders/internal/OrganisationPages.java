package be.ebox.senders.internal;

import java.io.IOException;
import java.io.InputStream;

import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.documents.BlobStore;
import be.ebox.documents.MediaTypes;
import be.ebox.documents.UnsupportedMediaTypeException;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.SenderOrganisation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** Operator pages: the overview of the reference data, and sender organisations with their logo. */
@Controller
@RequestMapping("/operator/senders")
class OrganisationPages {

	private final JdbcReferenceData referenceData;

	private final BlobStore blobs;

	private final AuditTrail audit;

	private final DataSize logoMaxSize;

	OrganisationPages(JdbcReferenceData referenceData, BlobStore blobs, AuditTrail audit,
			@Value("${ebox.senders.logo-max-size:512KB}") DataSize logoMaxSize) {
		this.referenceData = referenceData;
		this.blobs = blobs;
		this.audit = audit;
		this.logoMaxSize = logoMaxSize;
	}

	@GetMapping
	String overview(Model model) {
		model.addAttribute("organisations", referenceData.organisations());
		model.addAttribute("applications", referenceData.applications());
		model.addAttribute("messageTypes", referenceData.messageTypes());
		return "senders/overview";
	}

	@GetMapping("/organisations/new")
	String create(Model model) {
		model.addAttribute("form", new OrganisationForm());
		return "senders/organisation";
	}

	@GetMapping("/organisations/{number}")
	String edit(@PathVariable String number, Model model) {
		var organisation = find(number);
		model.addAttribute("form", OrganisationForm.of(organisation));
		model.addAttribute("organisation", organisation);
		return "senders/organisation";
	}

	@PostMapping("/organisations")
	String save(@ModelAttribute("form") OrganisationForm form, BindingResult errors, Model model, Authentication user) {
		form.validate(errors);
		if (!errors.hasFieldErrors("enterpriseNumber")) {
			var existing = referenceData.organisation(EnterpriseNumber.parse(form.getEnterpriseNumber()));
			if (existing.isPresent() != form.isExisting()) {
				errors.rejectValue("enterpriseNumber", form.isExisting() ? "senders.error.unknown" : "senders.error.exists");
			}
			existing.ifPresent(o -> model.addAttribute("organisation", o));
		}
		if (errors.hasErrors()) {
			return "senders/organisation";
		}
		SenderOrganisation organisation = form.toOrganisation();
		referenceData.save(organisation);
		audit.record(AuditEvent.of(user.getName(), "SENDER_ORGANISATION_SAVED", organisation.number(), null));
		return "redirect:/operator/senders/organisations/" + organisation.number().digits() + "?saved";
	}

	@PostMapping("/organisations/{number}/logo")
	String uploadLogo(@PathVariable String number, @RequestParam("logo") MultipartFile file, Model model,
			Authentication user) throws IOException {
		var organisation = find(number);
		String error = null;
		if (file.isEmpty()) {
			error = "senders.error.logoMissing";
		}
		else if (file.getSize() > logoMaxSize.toBytes()) {
			error = "senders.error.logoTooLarge";
		}
		else {
			try (InputStream in = file.getInputStream()) {
				MediaTypes.requireAllowed(MediaTypes.LOGO_TYPES, in, file.getOriginalFilename());
			}
			catch (UnsupportedMediaTypeException ex) {
				error = "senders.error.logoType";
			}
		}
		if (error != null) {
			model.addAttribute("form", OrganisationForm.of(organisation));
			model.addAttribute("organisation", organisation);
			model.addAttribute("logoError", error);
			model.addAttribute("logoMaxKb", logoMaxSize.toKilobytes());
			return "senders/organisation";
		}
		try (InputStream in = file.getInputStream()) {
			var blob = blobs.store(in);
			referenceData.setLogo(organisation.number(),
					new SenderOrganisation.Logo(blob.sha256(), blob.mediaType(), blob.size()));
			audit.record(AuditEvent.of(user.getName(), "SENDER_LOGO_SAVED", organisation.number(), blob.sha256()));
		}
		return "redirect:/operator/senders/organisations/" + organisation.number().digits() + "?logoSaved";
	}

	/** The logo with its real type, for the preview on the operator page. */
	@GetMapping("/organisations/{number}/logo")
	ResponseEntity<InputStreamResource> logo(@PathVariable String number) {
		var logo = find(number).logo().orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(logo.mediaType()))
			.contentLength(logo.size())
			.body(new InputStreamResource(blobs.get(logo.sha256())));
	}

	private SenderOrganisation find(String number) {
		if (!EnterpriseNumber.isValid(number)) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
		return referenceData.organisation(EnterpriseNumber.parse(number))
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
	}
}
