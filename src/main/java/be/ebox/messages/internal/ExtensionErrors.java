package be.ebox.messages.internal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors of {@code /api/v1/messages} as problem+json (RFC 9457), with the machine-readable {@code code} of the
 * contract's errors as an extension member, so a client handles both APIs' refusals alike.
 */
@RestControllerAdvice(assignableTypes = ExtensionApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExtensionErrors {

	@ExceptionHandler(PublicationRefused.class)
	ResponseEntity<ProblemDetail> refused(PublicationRefused ex) {
		return problem(ex.status(), ex.code(), ex.getMessage());
	}

	@ExceptionHandler(ConsultationRefused.class)
	ResponseEntity<ProblemDetail> refused(ConsultationRefused ex) {
		return problem(ex.status(), ex.code(), ex.getMessage());
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> notMultipart(MultipartException ex) {
		return problem(HttpStatus.BAD_REQUEST, "INVALID_DATA",
				"The request must be multipart/form-data with a part messageToPublish");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("code", code);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
