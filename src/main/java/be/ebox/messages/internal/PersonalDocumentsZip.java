package be.ebox.messages.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import be.ebox.documents.BlobStore;
import be.ebox.documents.MediaTypes;
import be.ebox.documents.StoredBlob;
import be.ebox.documents.UnsupportedMediaTypeException;

/**
 * The personal documents of a bulk job, uploaded as one ZIP: each entry is streamed into the blob store (never whole
 * in memory; an entry that inflates beyond the size limit is refused, against ZIP bombs), its real type checked
 * against its name, and known by its file name to the lines that name it.
 */
final class PersonalDocumentsZip {

	private final BlobStore blobs;

	private final long maxEntrySize;

	PersonalDocumentsZip(BlobStore blobs, long maxEntrySize) {
		this.blobs = blobs;
		this.maxEntrySize = maxEntrySize;
	}

	Map<String, StoredBlob> read(InputStream zip) throws IOException {
		var documents = new LinkedHashMap<String, StoredBlob>();
		try (var entries = new ZipInputStream(zip)) {
			ZipEntry entry;
			while ((entry = entries.getNextEntry()) != null) {
				if (entry.isDirectory()) {
					continue;
				}
				String name = entry.getName();
				if (name.isBlank() || name.length() > PublicationParts.MAX_FILE_NAME) {
					throw PublicationRefused.invalid("FILE_NAME_TOO_LONG", "A file of personalDocuments has a name of more than "
							+ PublicationParts.MAX_FILE_NAME + " characters");
				}
				StoredBlob blob = blobs.store(new Limited(entries, maxEntrySize, name));
				String mediaType;
				try (InputStream stored = blobs.get(blob.sha256())) {
					mediaType = MediaTypes.requireAllowed(MediaTypes.CONTRACT_ATTACHMENT_TYPES, stored, name);
				}
				catch (UnsupportedMediaTypeException ex) {
					throw PublicationRefused.invalid("UNSUPPORTED_MEDIA_TYPE", "The personal document " + name + " is "
							+ ex.detected() + " by its content, which is not accepted or not what its name says");
				}
				if (documents.put(name, new StoredBlob(blob.sha256(), blob.size(), mediaType)) != null) {
					throw PublicationRefused.invalid("INVALID_DATA", "personalDocuments holds " + name + " twice");
				}
			}
		}
		catch (java.util.zip.ZipException ex) {
			throw PublicationRefused.invalid("INVALID_DATA", "The part personalDocuments is not a valid ZIP file");
		}
		return documents;
	}

	/** The current entry, refused once it exceeds the limit; not closed by the store (the ZIP goes on). */
	private static final class Limited extends FilterInputStream {

		private final long max;

		private final String name;

		private long read;

		Limited(InputStream in, long max, String name) {
			super(in);
			this.max = max;
			this.name = name;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			read += n;
			if (read > max) {
				throw PublicationRefused.invalid("FILE_TOO_LARGE",
						"The personal document " + name + " is larger than the maximum of " + max + " bytes");
			}
		}

		@Override
		public void close() {
			// the ZIP stream stays open for the next entry
		}
	}
}
