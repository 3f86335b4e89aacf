package be.ebox.messages.internal;

import be.ebox.senders.StatusMessage;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Errors of the consultation endpoints in the contract's {@code StatusMessage} shape. */
@RestControllerAdvice(assignableTypes = { ConsultationApi.class, MessageStatusApi.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsultationErrors {

	@ExceptionHandler(ConsultationRefused.class)
	ResponseEntity<StatusMessage> refused(ConsultationRefused ex) {
		return answer(ex.status(), ex.code(), ex.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<StatusMessage> unreadable(HttpMessageNotReadableException ex) {
		return answer(HttpStatus.BAD_REQUEST, "INVALID_DATA", "The request body is not valid JSON of the expected shape");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<StatusMessage> mediaType(HttpMediaTypeNotSupportedException ex) {
		return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
				"The request body must be " + ex.getSupportedMediaTypes());
	}

	private static ResponseEntity<StatusMessage> answer(HttpStatus status, String code, String message) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(StatusMessage.of(code, message));
	}
}
