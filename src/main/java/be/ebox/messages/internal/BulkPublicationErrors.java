package be.ebox.messages.internal;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/** Errors of {@code /api/v1/publications} as problem+json, with the rule's code (as in the contract) in {@code code}. */
@RestControllerAdvice(assignableTypes = BulkPublicationApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BulkPublicationErrors {

	@ExceptionHandler(PublicationRefused.class)
	ResponseEntity<ProblemDetail> refused(PublicationRefused ex) {
		return problem(ex.status(), ex.code(), ex.getMessage());
	}

	@ExceptionHandler(BulkPublicationApi.BulkJobNotFound.class)
	ResponseEntity<ProblemDetail> notFound(BulkPublicationApi.BulkJobNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", ex.getMessage());
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> notMultipart(MultipartException ex) {
		return problem(HttpStatus.BAD_REQUEST, "INVALID_DATA",
				"The request must be multipart/form-data with the parts template and recipients");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(code);
		problem.setType(URI.create("about:blank"));
		problem.setProperty("code", code);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
