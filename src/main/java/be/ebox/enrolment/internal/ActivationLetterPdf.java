package be.ebox.enrolment.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.PostalAddress;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders an activation letter as a one-page A4 PDF. The font is Liberation Sans, shipped inside PDFBox and embedded
 * as a subset: the standard 14 fonts only know WinAnsi, and enterprise names hold any Unicode letter.
 */
@Component
class ActivationLetterPdf {

	static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");

	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private static final float MARGIN = 70;

	private static final float BODY_SIZE = 11;

	private final MessageSource messages;

	private final String publicUrl;

	private final byte[] font;

	record Content(String language, String enterpriseName, EnterpriseNumber enterprise, PostalAddress address,
			String representativeName, String username, String activationCode, Instant date, Instant expiresAt) {

		@Override
		public String toString() {
			return "Content[enterprise=" + enterprise + "]";
		}
	}

	ActivationLetterPdf(MessageSource messages, @Value("${ebox.public-url:http://localhost:8080}") String publicUrl) {
		this.messages = messages;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		try (InputStream in = ActivationLetterPdf.class.getResourceAsStream(FONT)) {
			if (in == null) {
				throw new IllegalStateException("PDFBox no longer ships " + FONT);
			}
			this.font = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String activationUrl() {
		return publicUrl + "/activate";
	}

	byte[] render(Content letter) {
		Locale locale = Locale.forLanguageTag(letter.language());
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(BELGIUM);
		try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
			document.getDocumentInformation().setTitle(text("letter.subject", locale));
			var page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			PDType0Font type0 = PDType0Font.load(document, new ByteArrayInputStream(font), true);
			try (var stream = new PDPageContentStream(document, page)) {
				var writer = new Writer(stream, type0, page.getMediaBox().getHeight() - MARGIN);
				writer.line("e-Box", 18);
				writer.line(publicUrl, 9);
				// the addressee where a window envelope shows it
				writer.moveTo(page.getMediaBox().getHeight() - 170);
				float addressX = 320;
				float addressWidth = page.getMediaBox().getWidth() - addressX - MARGIN + 20;
				writer.wrappedAt(addressX, letter.enterpriseName(), addressWidth);
				writer.wrappedAt(addressX, text("letter.attention", locale, letter.representativeName()), addressWidth);
				writer.lineAt(addressX, letter.address().streetLine(letter.language()), BODY_SIZE);
				writer.lineAt(addressX, letter.address().municipalityLine(letter.language()), BODY_SIZE);
				writer.moveTo(page.getMediaBox().getHeight() - 290);
				writer.line(text("letter.date", locale, dates.format(letter.date())), BODY_SIZE);
				writer.line(text("letter.enterpriseNumber", locale, letter.enterprise().formatted()), BODY_SIZE);
				writer.gap();
				writer.line(text("letter.subject", locale), 13);
				writer.gap();
				writer.paragraph(text("letter.salutation", locale));
				writer.paragraph(text("letter.intro", locale));
				writer.paragraph(text("letter.registered", locale, letter.representativeName(), dates.format(letter.date())));
				writer.line(text("letter.username", locale, letter.username()), 13);
				writer.line(text("letter.code", locale, letter.activationCode()), 13);
				writer.gap();
				writer.paragraph(text("letter.expiry", locale, dates.format(letter.expiresAt())));
				writer.paragraph(text("letter.where", locale, activationUrl()));
				writer.paragraph(text("letter.notExpected", locale));
				writer.paragraph(text("letter.closing", locale));
				writer.line(text("letter.signature", locale), BODY_SIZE);
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/** Writes lines top-down, wrapping paragraphs at the right margin. */
	private static final class Writer {

		private final PDPageContentStream stream;

		private final PDType0Font font;

		private float y;

		Writer(PDPageContentStream stream, PDType0Font font, float top) {
			this.stream = stream;
			this.font = font;
			this.y = top;
		}

		void moveTo(float newY) {
			y = Math.min(y, newY);
		}

		void gap() {
			y -= BODY_SIZE;
		}

		void line(String text, float size) throws IOException {
			lineAt(MARGIN, text, size);
		}

		void lineAt(float x, String text, float size) throws IOException {
			String printable = printable(text);
			if (!printable.isBlank()) {
				stream.beginText();
				stream.setFont(font, size);
				stream.newLineAtOffset(x, y);
				stream.showText(printable);
				stream.endText();
			}
			y -= size * 1.4f;
		}

		/** Long names (a denomination may have 320 characters) wrap inside the address window. */
		void wrappedAt(float x, String text, float width) throws IOException {
			for (String line : wrap(printable(text), width, BODY_SIZE)) {
				lineAt(x, line, BODY_SIZE);
			}
		}

		void paragraph(String text) throws IOException {
			for (String line : wrap(printable(text), PDRectangle.A4.getWidth() - 2 * MARGIN, BODY_SIZE)) {
				line(line, BODY_SIZE);
			}
			gap();
		}

		private List<String> wrap(String text, float width, float size) throws IOException {
			List<String> lines = new ArrayList<>();
			var line = new StringBuilder();
			for (String word : text.split("\\s+")) {
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
					lines.add(line.toString());
					line = new StringBuilder(word);
				}
				else {
					line = new StringBuilder(candidate);
				}
			}
			if (!line.isEmpty()) {
				lines.add(line.toString());
			}
			return lines;
		}

		/** Replaces what the font cannot draw (controls, symbols outside Liberation Sans) by '?' instead of failing. */
		private String printable(String text) {
			var out = new StringBuilder();
			(text == null ? "" : text).codePoints().forEach(cp -> {
				if (Character.isISOControl(cp)) {
					out.append(' ');
					return;
				}
				String ch = new String(Character.toChars(cp));
				try {
					font.encode(ch);
					out.append(ch);
				}
				catch (IOException | IllegalArgumentException ex) {
					out.append('?');
				}
			});
			return out.toString();
		}
	}
}
