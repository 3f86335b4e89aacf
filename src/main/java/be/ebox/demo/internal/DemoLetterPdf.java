package be.ebox.demo.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A small one-page PDF for the demo messages: a title and a few lines in Helvetica (Latin-1 text only). */
final class DemoLetterPdf {

	private DemoLetterPdf() {
	}

	static byte[] render(String title, List<String> lines) {
		try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
			document.getDocumentInformation().setTitle(title);
			var page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
			var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			try (var stream = new PDPageContentStream(document, page)) {
				stream.beginText();
				stream.newLineAtOffset(60, page.getMediaBox().getHeight() - 80);
				stream.setFont(bold, 16);
				stream.showText(title);
				stream.setFont(regular, 11);
				stream.setLeading(16);
				stream.newLine();
				stream.newLine();
				for (String line : lines) {
					stream.showText(line);
					stream.newLine();
				}
				stream.endText();
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
