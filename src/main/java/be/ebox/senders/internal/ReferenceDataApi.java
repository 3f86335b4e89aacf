package be.ebox.senders.internal;

import java.io.InputStream;
import java.time.Duration;

import be.ebox.documents.BlobStore;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.SenderApplicationId;
import be.ebox.senders.internal.ReferenceDataJson.MessageTypeBody;
import be.ebox.senders.internal.ReferenceDataJson.Paged;
import be.ebox.senders.internal.ReferenceDataJson.SenderApplicationBody;
import be.ebox.senders.internal.ReferenceDataJson.SenderOrganizationBody;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The contract's {@code /referenceData/...} endpoints. Reference data changes seldom and is read on every inbox page
 * of client software, so answers may be cached (the e-Box integration guide asks for cache headers here).
 */
@RestController
@RequestMapping(path = MachineApiSecurity.REFERENCE_DATA, produces = MediaType.APPLICATION_JSON_VALUE)
class ReferenceDataApi {

	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic().noTransform();

	private final JdbcReferenceData referenceData;

	private final BlobStore blobs;

	ReferenceDataApi(JdbcReferenceData referenceData, BlobStore blobs) {
		this.referenceData = referenceData;
		this.blobs = blobs;
	}

	@GetMapping("/messageTypes")
	ResponseEntity<Paged<MessageTypeBody>> messageTypes(@RequestParam(defaultValue = "1") String page,
			@RequestParam(defaultValue = "25") String pageSize) {
		var paging = Paging.of(page, pageSize);
		var result = referenceData.messageTypes(paging.offset(), paging.size());
		return ok(new Paged<>(result.items().stream()
			.map(type -> MessageTypeBody.of(type, referenceData.applicationsOf(type.organisation())))
			.toList(), result.total()));
	}

	@GetMapping("/messageTypes/{messageTypeId}")
	ResponseEntity<MessageTypeBody> messageType(@PathVariable String messageTypeId) {
		var type = MessageTypeId.isValid(messageTypeId) ? referenceData.findMessageType(new MessageTypeId(messageTypeId))
				: java.util.Optional.<be.ebox.senders.MessageType>empty();
		return ok(type.map(t -> MessageTypeBody.of(t, referenceData.applicationsOf(t.organisation())))
			.orElseThrow(() -> new ReferenceDataNotFound("messageTypeId not found")));
	}

	@GetMapping("/senderApplications")
	ResponseEntity<Paged<SenderApplicationBody>> applications(@RequestParam(defaultValue = "1") String page,
			@RequestParam(defaultValue = "25") String pageSize) {
		var paging = Paging.of(page, pageSize);
		var result = referenceData.applications(paging.offset(), paging.size());
		return ok(new Paged<>(result.items().stream()
			.map(app -> SenderApplicationBody.of(app, referenceData.messageTypesOf(app.organisation())))
			.toList(), result.total()));
	}

	@GetMapping("/senderApplications/{senderApplicationId}")
	ResponseEntity<SenderApplicationBody> application(@PathVariable String senderApplicationId) {
		var app = SenderApplicationId.isValid(senderApplicationId)
				? referenceData.findApplication(new SenderApplicationId(senderApplicationId))
				: java.util.Optional.<be.ebox.senders.SenderApplication>empty();
		return ok(app.map(a -> SenderApplicationBody.of(a, referenceData.messageTypesOf(a.organisation())))
			.orElseThrow(() -> new ReferenceDataNotFound("senderApplicationId not found")));
	}

	/** Applications have no logos of their own yet: the organisation's logo represents them. */
	@GetMapping(path = "/senderApplications/{senderApplicationId}/images/{imageId}/content",
			produces = { MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<Object> applicationImage(@PathVariable String senderApplicationId, @PathVariable String imageId) {
		throw new ReferenceDataNotFound("Image not found");
	}

	@GetMapping("/senderOrganizations")
	ResponseEntity<Paged<SenderOrganizationBody>> organisations(@RequestParam(defaultValue = "1") String page,
			@RequestParam(defaultValue = "25") String pageSize) {
		var paging = Paging.of(page, pageSize);
		var result = referenceData.organisations(paging.offset(), paging.size());
		return ok(new Paged<>(result.items().stream().map(this::body).toList(), result.total()));
	}

	@GetMapping("/senderOrganizations/{senderOrganizationId}")
	ResponseEntity<SenderOrganizationBody> organisation(@PathVariable String senderOrganizationId) {
		return ok(referenceData.organisation(organisationId(senderOrganizationId))
			.map(this::body)
			.orElseThrow(() -> new ReferenceDataNotFound("senderOrganizationId not found")));
	}

	@GetMapping(path = "/senderOrganizations/{senderOrganizationId}/images/{imageId}/content",
			produces = { MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<InputStreamResource> organisationImage(@PathVariable String senderOrganizationId,
			@PathVariable String imageId) {
		var logo = referenceData.organisation(organisationId(senderOrganizationId))
			.flatMap(organisation -> organisation.logo())
			.filter(l -> l.sha256().equals(imageId))
			.orElseThrow(() -> new ReferenceDataNotFound("Image not found"));
		InputStream content = blobs.get(logo.sha256());
		// the contract declares application/octet-stream; the content never changes under its digest
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic().immutable())
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.contentLength(logo.size())
			.eTag("\"" + logo.sha256() + "\"")
			.body(new InputStreamResource(content));
	}

	private SenderOrganizationBody body(be.ebox.senders.SenderOrganisation organisation) {
		String logoBase = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path(MachineApiSecurity.REFERENCE_DATA + "/senderOrganizations/" + organisation.number().digits() + "/images/")
			.toUriString();
		return SenderOrganizationBody.of(organisation, referenceData.applicationsOf(organisation.number()),
				referenceData.messageTypesOf(organisation.number()), logoBase);
	}

	/** The contract's organisation id is the ten digits; a malformed one is bad data, an unknown one not found. */
	private static EnterpriseNumber organisationId(String text) {
		if (text == null || !text.matches("[01][0-9]{9}") || !EnterpriseNumber.isValid(text)) {
			throw new InvalidReferenceDataRequest("senderOrganizationId must be a valid enterprise number of ten digits");
		}
		return EnterpriseNumber.parse(text);
	}

	private static <T> ResponseEntity<T> ok(T body) {
		return ResponseEntity.ok().cacheControl(CACHE).body(body);
	}

	record Paging(int offset, int size) {
		static Paging of(String page, String pageSize) {
			int p = number(page, "page");
			int s = number(pageSize, "pageSize");
			if (p < 1) {
				throw new InvalidReferenceDataRequest("page must be 1 or more");
			}
			if (s < 1 || s > 100) {
				throw new InvalidReferenceDataRequest("pageSize must be between 1 and 100");
			}
			return new Paging((p - 1) * s, s);
		}

		private static int number(String text, String name) {
			try {
				return Integer.parseInt(text.strip());
			}
			catch (NumberFormatException ex) {
				throw new InvalidReferenceDataRequest(name + " must be a whole number");
			}
		}
	}

	static class ReferenceDataNotFound extends RuntimeException {
		ReferenceDataNotFound(String message) {
			super(message);
		}
	}

	static class InvalidReferenceDataRequest extends RuntimeException {
		InvalidReferenceDataRequest(String message) {
			super(message);
		}
	}
}
