package be.ebox.elections.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.regex.Pattern;

import be.ebox.documents.BlobStore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads what a person reads in a codes letter, and makes small PDFs to upload. */
final class Letters {

	private static final Pattern PASSWORD = Pattern.compile("([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})");

	private Letters() {
	}

	static String text(byte[] pdf) throws IOException {
		try (var document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	static String password(byte[] pdf) throws IOException {
		var matcher = PASSWORD.matcher(text(pdf));
		if (!matcher.find()) {
			throw new AssertionError("No password in the letter");
		}
		return matcher.group(1);
	}

	static String password(BlobStore blobs, Dossier dossier) throws IOException {
		try (var in = blobs.get(dossier.letterSha256())) {
			return password(in.readAllBytes());
		}
	}

	static byte[] emptyPdf() throws IOException {
		try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.save(out);
			return out.toByteArray();
		}
	}
}
