package be.ebox.messages.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import be.ebox.messages.MessageId;
import be.ebox.senders.MachineClaims;
import be.ebox.senders.SenderApplicationId;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /searchMessageStatus} of the contract: a sender application asks the state of messages it published,
 * answered from the same data as the delivery evidence. Messages of another application, or whose e-Box does not
 * match, are left out as if unknown; none found at all is a 404.
 */
@RestController
class MessageStatusApi {

	static final String PATH = ConsultationAccess.REGISTRY + "/searchMessageStatus";

	static final int MAX_MESSAGES = 100;

	private final ConsultationQueries queries;

	MessageStatusApi(ConsultationQueries queries) {
		this.queries = queries;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record MessageIdEboxId(String messageId, EboxId eboxId) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record EboxId(String eboxType, String eboxIdValue) {
	}

	/** Contract {@code MessageStatus}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record MessageStatus(String messageId, EboxId eboxId, String expirationDate, boolean readStatus, boolean visible) {
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<List<MessageStatus>> search(@RequestBody(required = false) List<MessageIdEboxId> request,
			@AuthenticationPrincipal Jwt jwt) {
		SenderApplicationId application = MachineClaims.of(jwt.getClaims())
			.application()
			.orElseThrow(() -> ConsultationRefused.notFound("Messages"));
		if (request == null || request.isEmpty()) {
			throw ConsultationRefused.invalid("The request must list at least one messageId/eboxId couple");
		}
		if (request.size() > MAX_MESSAGES) {
			throw ConsultationRefused.invalid("At most " + MAX_MESSAGES + " messages may be asked at once");
		}
		var asked = new LinkedHashSet<UUID>();
		for (MessageIdEboxId couple : request) {
			if (couple == null || couple.messageId() == null) {
				throw ConsultationRefused.invalid("Every couple needs a messageId");
			}
			MessageId.parse(couple.messageId()).ifPresent(id -> asked.add(id.value()));
		}
		var found = queries.statusesOf(application, asked)
			.stream()
			.filter(status -> request.stream().anyMatch(couple -> matches(couple, status)))
			.map(status -> new MessageStatus(status.id().toString(), new EboxId("enterprise", status.recipient()),
					ConsultationJson.time(status.expiresAt()), status.read(), !status.hidden()))
			.toList();
		if (found.isEmpty()) {
			throw ConsultationRefused.notFound("Messages");
		}
		return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(found);
	}

	/** The couple names this message, and its e-Box when it names one. */
	private static boolean matches(MessageIdEboxId couple, ConsultationQueries.SentStatus status) {
		if (!MessageId.parse(couple.messageId()).map(id -> id.value().equals(status.id())).orElse(false)) {
			return false;
		}
		return couple.eboxId() == null || couple.eboxId().eboxIdValue() == null
				|| couple.eboxId().eboxIdValue().replaceAll("[^0-9]", "").equals(status.recipient());
	}
}
