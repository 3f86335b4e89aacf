package be.ebox.documents;

/**
 * A stored content: its SHA-256 (lower-case hex, also its identity), its size in bytes and the media type detected
 * from its bytes (never from a declared name or type).
 */
public record StoredBlob(String sha256, long size, String mediaType) {

	/** The digest as the e-Box contract writes it: base64url (RFC 4648 §5) without padding. */
	public String digestBase64Url() {
		return Digests.hexToBase64Url(sha256);
	}
}
