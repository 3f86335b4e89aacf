package be.ebox.messages.internal;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import be.ebox.senders.MachineClaims;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /publishMessage} of the contract: a multipart request with the JSON part {@code messageToPublish} and
 * file parts {@code upfile1}…{@code upfile6}, in any order, read and stored by {@link PublicationParts}, then checked
 * and stored as a message by {@link Publisher}.
 */
@RestController
class PublicationApi {

	private static final DateTimeFormatter CONTRACT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");

	private final Publisher publisher;

	private final PublicationParts parts;

	PublicationApi(Publisher publisher, PublicationParts parts) {
		this.publisher = publisher;
		this.parts = parts;
	}

	/** Contract definition {@code PublicationStatusMessage}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PublicationStatusMessage(String messageId, String expirationDate, String code, String message) {
	}

	@PostMapping(path = PublicationAccess.PUBLISH, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PublicationStatusMessage> publish(HttpServletRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@AuthenticationPrincipal Jwt jwt) throws IOException, ServletException {
		var received = parts.read(request, Set.of());
		var result = publisher.publish(MachineClaims.of(jwt.getClaims()), received.json(), received.files(),
				idempotencyKey);
		var body = new PublicationStatusMessage(result.id().toString(),
				CONTRACT_TIME.format(result.expiresAt().truncatedTo(ChronoUnit.SECONDS).atZone(BELGIUM)), result.code(),
				result.code() == null ? null : "The enterprise has not activated its e-Box yet; the message waits there");
		return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(body);
	}
}
