package be.ebox.documents;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.apache.tika.Tika;

/**
 * The real media type of content, from its bytes (magic numbers) with Apache Tika; the declared file name only
 * refines a match (a {@code .docx} is a ZIP by its bytes, a Word document by its name) and never overrides the bytes:
 * an executable or a ZIP named {@code report.pdf} is detected as what it is.
 */
public final class MediaTypes {

	/** The attachment media types of the e-Box Message Registry contract (definition {@code Attachment.mediaType}). */
	public static final Set<String> CONTRACT_ATTACHMENT_TYPES = Set.of("application/pdf", "application/zip", "text/csv",
			"text/html", "text/plain", "text/xml", "application/vnd.oasis.opendocument.text",
			"application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.presentation",
			"application/vnd.oasis.opendocument.graphics", "application/vnd.ms-excel",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-powerpoint",
			"application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	/** Logos: raster images only (no SVG, which can carry script). */
	public static final Set<String> LOGO_TYPES = Set.of("image/png", "image/jpeg");

	private static final Tika TIKA = new Tika();

	private MediaTypes() {
	}

	/**
	 * Detects the type of a stream; reads only its first bytes (the stream is left positioned somewhere after them,
	 * so pass a stream you do not need any more, or one supporting mark/reset, which is then reset).
	 * @param declaredName the file name given by the sender, may be null
	 */
	public static String detect(InputStream content, String declaredName) {
		try {
			InputStream in = content.markSupported() ? content : new BufferedInputStream(content);
			return TIKA.detect(in, declaredName);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String detect(Path file, String declaredName) {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			return TIKA.detect(in, declaredName);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The type a file name alone suggests ({@code application/octet-stream} when it suggests none). */
	public static String fromName(String declaredName) {
		return declaredName == null || declaredName.isBlank() ? "application/octet-stream" : TIKA.detect(declaredName);
	}

	/**
	 * Detects the type from the bytes and checks that it is allowed and that it is what the file name claims: a ZIP
	 * named {@code report.pdf} is refused even where ZIP files are allowed, since a reader would open it as a PDF.
	 * @return the detected type
	 * @throws UnsupportedMediaTypeException with the detected type when it is not allowed or not what the name says
	 */
	public static String requireAllowed(Set<String> allowed, InputStream content, String declaredName) {
		String detected = detect(content, declaredName);
		String named = fromName(declaredName);
		boolean nameAgrees = named.equals("application/octet-stream") || named.equals(detected);
		if (!allowed.contains(detected) || !nameAgrees) {
			throw new UnsupportedMediaTypeException(detected);
		}
		return detected;
	}
}
