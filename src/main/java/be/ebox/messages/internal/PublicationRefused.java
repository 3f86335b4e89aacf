package be.ebox.messages.internal;

import org.springframework.http.HttpStatus;

/** A publication that is refused before anything is stored: answered as a contract {@code StatusMessage}. */
class PublicationRefused extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	PublicationRefused(HttpStatus status, String code, String message) {
		super(message);
		this.status = status;
		this.code = code;
	}

	static PublicationRefused invalid(String code, String message) {
		return new PublicationRefused(HttpStatus.BAD_REQUEST, code, message);
	}

	HttpStatus status() {
		return status;
	}

	String code() {
		return code;
	}
}
