package be.ebox.documents;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Content-addressed storage: a content is stored once under its SHA-256, however often it is stored. Contents are
 * streamed in and out; a 100 MB document never sits whole in memory. The default implementation keeps the bytes in
 * the database in 1 MB chunks; an S3-compatible implementation can replace it behind this interface.
 */
public interface BlobStore {

	/**
	 * Reads the stream to its end (the caller closes it) and stores its bytes unless an equal content is already
	 * stored. Runs in its own transaction when none is active, else joins the caller's.
	 * @throws UncheckedIOException when the stream fails
	 */
	StoredBlob store(InputStream content);

	/**
	 * Stores many small contents (held in memory, e.g. letters of a few KB) at once: for the database store one
	 * transaction with batched inserts instead of a transaction per content. Same result as {@link #store} for each.
	 * @return the stored blobs, in the order of the contents
	 */
	default java.util.List<StoredBlob> storeAll(java.util.List<byte[]> contents) {
		return contents.stream().map(content -> store(new java.io.ByteArrayInputStream(content))).toList();
	}

	/** Metadata of a stored content. */
	Optional<StoredBlob> find(String sha256Hex);

	boolean exists(String sha256Hex);

	/**
	 * The bytes of a stored content, fetched chunk by chunk while the caller reads; the caller closes the stream.
	 * @throws BlobNotFoundException when nothing is stored under that digest
	 */
	InputStream get(String sha256Hex);
}
