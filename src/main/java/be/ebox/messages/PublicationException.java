package be.ebox.messages;

/** A publication refused by a rule; the code is the contract's ({@code INVALID_SENDER}, {@code INVALID_DATA}...). */
public class PublicationException extends RuntimeException {

	private final String code;

	public PublicationException(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return code;
	}
}
