package be.ebox.senders.internal;

import be.ebox.senders.StatusMessage;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the reference-data endpoints in the contract's {@code StatusMessage} shape. */
@RestControllerAdvice(assignableTypes = ReferenceDataApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReferenceDataErrors {

	@ExceptionHandler(ReferenceDataApi.ReferenceDataNotFound.class)
	ResponseEntity<StatusMessage> notFound(ReferenceDataApi.ReferenceDataNotFound ex) {
		return status(HttpStatus.NOT_FOUND, "NOT_FOUND", ex.getMessage());
	}

	@ExceptionHandler(ReferenceDataApi.InvalidReferenceDataRequest.class)
	ResponseEntity<StatusMessage> invalid(ReferenceDataApi.InvalidReferenceDataRequest ex) {
		return status(HttpStatus.BAD_REQUEST, "INVALID_DATA", ex.getMessage());
	}

	private static ResponseEntity<StatusMessage> status(HttpStatus status, String code, String message) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(StatusMessage.of(code, message));
	}
}
