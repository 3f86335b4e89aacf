package be.ebox.registry.internal;

/** A field that does not fit; the message is the reason shown to the operator (it never holds more than the field). */
class MalformedLineException extends RuntimeException {

	MalformedLineException(String reason) {
		super(reason, null, false, false);
	}
}
