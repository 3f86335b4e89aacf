package be.ebox.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a downloaded PDF; runs without a browser ({@link BrowserSupportBrowserTest} downloads one). */
class DownloadsTest {

	@Test
	void pdfTextReadsWhatALetterSays() throws IOException {
		assertThat(Downloads.pdfText(letter("Activeringscode: 9RTX-4KQP"))).contains("Activeringscode: 9RTX-4KQP");
	}

	@Test
	void somethingElseThanAPdfFailsClearly() {
		assertThatThrownBy(() -> Downloads.pdfText("<html></html>".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("not a readable PDF");
	}

	/** A one-page PDF with one line of text, like a letter with an activation code. */
	static byte[] letter(String line) throws IOException {
		try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
			var page = new PDPage();
			document.addPage(page);
			try (var content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				content.newLineAtOffset(72, 700);
				content.showText(line);
				content.endText();
			}
			document.save(out);
			return out.toByteArray();
		}
	}
}
