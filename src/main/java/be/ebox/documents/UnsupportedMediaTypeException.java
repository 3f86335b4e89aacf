package be.ebox.documents;

/** The real type of some content (detected from its bytes) is not one that is accepted there. */
public class UnsupportedMediaTypeException extends RuntimeException {

	private final String detected;

	public UnsupportedMediaTypeException(String detected) {
		super("Content of type " + detected + " is not accepted");
		this.detected = detected;
	}

	public String detected() {
		return detected;
	}
}
