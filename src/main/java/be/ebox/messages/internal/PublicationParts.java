package be.ebox.messages.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import be.ebox.documents.BlobStore;
import be.ebox.documents.MediaTypes;
import be.ebox.documents.UnsupportedMediaTypeException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Reads the multipart body of a publication: the JSON part {@code messageToPublish}, the file parts {@code upfile1}…
 * {@code upfile6} in any order, and the extra JSON parts an endpoint accepts (our {@code /api/v1} adds
 * {@code delivery}). The servlet container spools parts above 1 MB to disk
 * ({@code spring.servlet.multipart.file-size-threshold}), so no upload sits whole in the heap; each file part is checked
 * (size, name, real media type) and streamed into the content-addressed blob store in the order the parts came. A
 * refused publication stores no message; blobs it already stored stay, harmless: they are content-addressed (stored
 * once whatever refers to them) and referenced by nothing.
 */
@Component
class PublicationParts {

	static final String JSON_PART = "messageToPublish";

	static final Set<String> FILE_PARTS = Set.of("upfile1", "upfile2", "upfile3", "upfile4", "upfile5", "upfile6");

	static final int MAX_FILE_NAME = 80;

	private static final int MAX_JSON = 1024 * 1024;

	private final BlobStore blobs;

	private final long maxFileSize;

	private final long maxTotalSize;

	PublicationParts(BlobStore blobs, @Value("${ebox.publication.max-file-size:100MB}") DataSize maxFileSize,
			@Value("${ebox.publication.max-total-size:200MB}") DataSize maxTotalSize) {
		this.blobs = blobs;
		this.maxFileSize = maxFileSize.toBytes();
		this.maxTotalSize = maxTotalSize.toBytes();
	}

	/**
	 * @param json the part {@code messageToPublish}
	 * @param extras the other JSON parts by name, only those the endpoint accepts
	 */
	record Received(String json, Map<String, UploadedFile> files, Map<String, String> extras) {
	}

	Received read(HttpServletRequest request, Set<String> extraJsonParts) throws IOException, ServletException {
		String contentType = request.getContentType();
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			throw PublicationRefused.invalid("INVALID_DATA",
					"The request must be multipart/form-data with a part messageToPublish");
		}
		String json = null;
		Map<String, UploadedFile> files = new LinkedHashMap<>();
		Map<String, String> extras = new LinkedHashMap<>();
		long total = 0;
		for (Part part : request.getParts()) {
			String name = part.getName();
			if (JSON_PART.equals(name)) {
				if (json != null) {
					throw PublicationRefused.invalid("INVALID_DATA", "The part messageToPublish is given twice");
				}
				json = readJson(part);
			}
			else if (extraJsonParts.contains(name)) {
				if (extras.putIfAbsent(name, readJson(part)) != null) {
					throw PublicationRefused.invalid("INVALID_DATA", "The part " + name + " is given twice");
				}
			}
			else if (FILE_PARTS.contains(name)) {
				if (files.containsKey(name)) {
					throw PublicationRefused.invalid("INVALID_DATA", "The part " + name + " is given twice");
				}
				total += part.getSize();
				if (total > maxTotalSize) {
					throw PublicationRefused.invalid("FILE_TOO_LARGE",
							"The files of a message may hold at most " + maxTotalSize + " bytes together");
				}
				files.put(name, store(part));
			}
			else {
				throw PublicationRefused.invalid("INVALID_DATA", "Unexpected part '" + name
						+ "': only messageToPublish" + (extraJsonParts.isEmpty() ? "" : ", " + String.join(", ", extraJsonParts))
						+ " and upfile1 to upfile6 are accepted");
			}
		}
		if (json == null) {
			throw PublicationRefused.invalid("MISSING_PART", "The part messageToPublish is missing");
		}
		return new Received(json, files, extras);
	}

	private static String readJson(Part part) throws IOException {
		if (part.getSize() > MAX_JSON) {
			throw PublicationRefused.invalid("INVALID_DATA", "The part " + part.getName() + " is larger than 1 MB");
		}
		try (InputStream in = part.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** Checks a file part before it reaches the store: size, file name, real media type (from its bytes). */
	private UploadedFile store(Part part) throws IOException {
		String name = part.getName();
		if (part.getSize() > maxFileSize) {
			throw PublicationRefused.invalid("FILE_TOO_LARGE",
					"The file of part " + name + " is larger than the maximum of " + maxFileSize + " bytes");
		}
		String fileName = part.getSubmittedFileName();
		if (fileName == null || fileName.isBlank()) {
			throw PublicationRefused.invalid("INVALID_DATA", "The part " + name + " has no file name");
		}
		if (fileName.length() > MAX_FILE_NAME) {
			throw PublicationRefused.invalid("FILE_NAME_TOO_LONG",
					"The file name of part " + name + " is longer than " + MAX_FILE_NAME + " characters");
		}
		String mediaType;
		try (InputStream in = part.getInputStream()) {
			mediaType = MediaTypes.requireAllowed(MediaTypes.CONTRACT_ATTACHMENT_TYPES, in, fileName);
		}
		catch (UnsupportedMediaTypeException ex) {
			throw PublicationRefused.invalid("UNSUPPORTED_MEDIA_TYPE", "The file of part " + name + " is "
					+ ex.detected() + " by its content, which is not accepted or not what its name " + fileName + " says");
		}
		try (InputStream in = part.getInputStream()) {
			return new UploadedFile(name, fileName, mediaType, blobs.store(in));
		}
		catch (UncheckedIOException ex) {
			throw new IOException("Upload of part " + name + " failed", ex);
		}
	}
}
