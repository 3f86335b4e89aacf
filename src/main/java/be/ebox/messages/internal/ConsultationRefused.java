package be.ebox.messages.internal;

import org.springframework.http.HttpStatus;

/** A consultation request answered with an error in the contract's {@code StatusMessage} shape. */
class ConsultationRefused extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	ConsultationRefused(HttpStatus status, String code, String message) {
		super(message);
		this.status = status;
		this.code = code;
	}

	static ConsultationRefused invalid(String message) {
		return new ConsultationRefused(HttpStatus.BAD_REQUEST, "INVALID_DATA", message);
	}

	/** Unknown, of another e-Box, or not readable by the caller: all the same to the caller. */
	static ConsultationRefused notFound(String what) {
		return new ConsultationRefused(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " not found");
	}

	HttpStatus status() {
		return status;
	}

	String code() {
		return code;
	}
}
