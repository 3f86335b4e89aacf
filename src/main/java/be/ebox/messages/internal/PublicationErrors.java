package be.ebox.messages.internal;

import be.ebox.senders.StatusMessage;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/** Errors of {@code /publishMessage} in the contract's {@code StatusMessage} shape. */
@RestControllerAdvice(assignableTypes = PublicationApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicationErrors {

	@ExceptionHandler(PublicationRefused.class)
	ResponseEntity<StatusMessage> refused(PublicationRefused ex) {
		return ResponseEntity.status(ex.status())
			.contentType(MediaType.APPLICATION_JSON)
			.body(StatusMessage.of(ex.code(), ex.getMessage()));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<StatusMessage> notMultipart(MultipartException ex) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.contentType(MediaType.APPLICATION_JSON)
			.body(StatusMessage.of("INVALID_DATA", "The request must be multipart/form-data with a part messageToPublish"));
	}
}
