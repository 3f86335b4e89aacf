package be.ebox.senders.internal;

import be.ebox.senders.StatusMessage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors of the reference-data endpoints in the contract's {@code StatusMessage} shape. The image endpoints declare
 * only {@code application/octet-stream} for every answer, errors included, so there the same JSON is sent under that
 * type, as the contract says.
 */
@RestControllerAdvice(assignableTypes = ReferenceDataApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReferenceDataErrors {

	private final JsonMapper json;

	ReferenceDataErrors(JsonMapper json) {
		this.json = json;
	}

	@ExceptionHandler(ReferenceDataApi.ReferenceDataNotFound.class)
	ResponseEntity<byte[]> notFound(ReferenceDataApi.ReferenceDataNotFound ex, HttpServletRequest request) {
		return status(request, HttpStatus.NOT_FOUND, "NOT_FOUND", ex.getMessage());
	}

	@ExceptionHandler(ReferenceDataApi.InvalidReferenceDataRequest.class)
	ResponseEntity<byte[]> invalid(ReferenceDataApi.InvalidReferenceDataRequest ex, HttpServletRequest request) {
		return status(request, HttpStatus.BAD_REQUEST, "INVALID_DATA", ex.getMessage());
	}

	private ResponseEntity<byte[]> status(HttpServletRequest request, HttpStatus status, String code, String message) {
		MediaType type = request.getRequestURI().endsWith("/content") ? MediaType.APPLICATION_OCTET_STREAM
				: MediaType.APPLICATION_JSON;
		return ResponseEntity.status(status).contentType(type).body(json.writeValueAsBytes(StatusMessage.of(code, message)));
	}
}
