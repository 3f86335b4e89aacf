package be.ebox.inbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import be.ebox.documents.BlobStore;
import be.ebox.identity.EboxUser;
import be.ebox.messages.Message;
import be.ebox.messages.MessageActions;
import be.ebox.messages.MessageId;
import be.ebox.messages.Messages;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.ReferenceData;
import be.ebox.system.Languages;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The documents of a message and the logos of senders. A document is the sender's content, never ours: it is served
 * so that no browser runs it in our origin — a sandbox CSP, no sniffing, and anything but a PDF as a download.
 */
@Controller
class DocumentPages {

	/** A sandboxed document has an opaque origin of its own: no script, no form, no access to our cookies or pages. */
	static final String DOCUMENT_POLICY = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
			+ "frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

	private final OpenEboxes eboxes;

	private final Messages messages;

	private final MessageActions actions;

	private final BlobStore blobs;

	private final ReferenceData referenceData;

	DocumentPages(OpenEboxes eboxes, Messages messages, MessageActions actions, BlobStore blobs,
			ReferenceData referenceData) {
		this.eboxes = eboxes;
		this.messages = messages;
		this.actions = actions;
		this.blobs = blobs;
		this.referenceData = referenceData;
	}

	/**
	 * The bytes of a document. The download is recorded (and the message marked read when it is the main content)
	 * before the first byte leaves, as on the consultation API.
	 */
	@GetMapping("/ebox/{digits:[0-9]{10}}/messages/{id}/documents/{position:[0-9]{1,3}}")
	ResponseEntity<InputStreamResource> document(@PathVariable String digits, @PathVariable String id,
			@PathVariable int position, @AuthenticationPrincipal EboxUser user, Locale locale) {
		var open = eboxes.open(user, digits, Languages.of(locale));
		Message message = MessageId.parse(id)
			.flatMap(messageId -> messages.findFor(open.reader(), messageId))
			.orElseThrow(OpenEboxes::notFound)
			.message();
		Message.Attachment attachment = message.attachments()
			.stream()
			.filter(a -> a.position() == position)
			.findFirst()
			.orElseThrow(OpenEboxes::notFound);
		if (!actions.downloadAttachment(open.reader(), message.id(), position)) {
			throw OpenEboxes.notFound();
		}
		boolean pdf = MediaType.APPLICATION_PDF_VALUE.equals(attachment.mediaType());
		var disposition = pdf ? ContentDisposition.inline() : ContentDisposition.attachment();
		return ResponseEntity.ok()
			// only a PDF keeps its type; whatever else a sender declared is bytes to save, never a page to render
			.contentType(pdf ? MediaType.APPLICATION_PDF : MediaType.APPLICATION_OCTET_STREAM)
			.contentLength(attachment.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", DOCUMENT_POLICY)
			.cacheControl(CacheControl.noStore())
			.body(new InputStreamResource(blobs.get(attachment.sha256())));
	}

	/** A sender's logo, for the inbox; logos are public reference data. */
	@GetMapping("/ebox/senders/{number:[0-9]{10}}/logo")
	ResponseEntity<InputStreamResource> logo(@PathVariable String number) {
		if (!EnterpriseNumber.isValid(number)) {
			throw OpenEboxes.notFound();
		}
		var logo = referenceData.organisation(EnterpriseNumber.parse(number))
			.flatMap(o -> o.logo())
			.orElseThrow(OpenEboxes::notFound);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(logo.mediaType()))
			.contentLength(logo.size())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", DOCUMENT_POLICY)
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
			.body(new InputStreamResource(blobs.get(logo.sha256())));
	}
}
