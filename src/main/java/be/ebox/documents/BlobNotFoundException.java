package be.ebox.documents;

/** No content is stored under the asked digest. */
public class BlobNotFoundException extends RuntimeException {

	public BlobNotFoundException(String sha256) {
		super("No blob " + sha256);
	}
}
