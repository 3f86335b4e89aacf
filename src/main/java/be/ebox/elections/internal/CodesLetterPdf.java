package be.ebox.elections.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The letter with the codes of one dossier, a one-page A4 PDF in the enterprise's language. Helvetica, one of the
 * standard 14 fonts, is not embedded: a letter stays about 2 KB and renders in about a millisecond, which a campaign of
 * 15 000 letters needs. Its WinAnsi encoding covers the letters of nl, fr, de and en; a name with another letter gets it
 * without its accent (or '?'), only in the letter, never in the database. Thread-safe: campaigns render in parallel.
 */
@Component
class CodesLetterPdf {

	private static final float MARGIN = 70;

	private final MessageSource messages;

	private final String applicationUrl;

	CodesLetterPdf(MessageSource messages, @Value("${ebox.public-url}") String publicUrl) {
		this.messages = messages;
		this.applicationUrl = publicUrl.replaceAll("/+$", "") + "/elections/app";
	}

	byte[] render(Dossier dossier, String password) {
		Locale locale = Locale.forLanguageTag(dossier.language());
		var lines = new ArrayList<String[]>();
		lines.add(new String[] { "title", text("elections.letter.title", locale, dossier.year()) });
		lines.add(new String[] { "", text("elections.letter.sender", locale) });
		lines.add(new String[] { "", "" });
		lines.add(new String[] { "", dossier.enterpriseName() + " (" + dossier.enterprise().formatted() + ")" });
		lines.add(new String[] { "", text("elections.letter.unit", locale, dossier.unitName(), dossier.unitCode()) });
		lines.add(new String[] { "", text("elections.body." + dossier.body().name(), locale) });
		lines.add(new String[] { "", text("elections.letter.electionDay", locale,
				DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(dossier.electionDay())) });
		lines.add(new String[] { "", "" });
		lines.addAll(paragraph(text("elections.letter.intro", locale, applicationUrl)));
		lines.add(new String[] { "", "" });
		lines.add(new String[] { "code", text("elections.letter.dossier", locale) + "  " + dossier.number() });
		lines.add(new String[] { "code", text("elections.letter.password", locale) + "  " + password });
		lines.add(new String[] { "", "" });
		lines.addAll(paragraph(text("elections.letter.keep", locale)));
		lines.addAll(paragraph(text("elections.letter.lost", locale)));
		try (var document = new PDDocument(); var out = new ByteArrayOutputStream(4096)) {
			var page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
			var mono = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
			// uncompressed: deflating 1 KB of text costs more time than the bytes it saves
			try (var content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
				float y = PDRectangle.A4.getHeight() - MARGIN;
				for (String[] line : lines) {
					var font = switch (line[0]) {
						case "title" -> bold;
						case "code" -> mono;
						default -> regular;
					};
					float size = line[0].equals("title") ? 14 : 11;
					if (!line[1].isEmpty()) {
						content.beginText();
						content.setFont(font, size);
						content.newLineAtOffset(MARGIN, y);
						content.showText(winAnsi(line[1]));
						content.endText();
					}
					y -= line[0].equals("title") ? 24 : 16;
				}
			}
			document.getDocumentInformation().setTitle(winAnsi(text("elections.letter.title", locale, dossier.year())));
			document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	/** Cuts a paragraph into lines of at most 85 characters (Helvetica 11 on A4 with these margins). */
	private static List<String[]> paragraph(String text) {
		var lines = new ArrayList<String[]>();
		var line = new StringBuilder();
		for (String word : text.split(" ")) {
			if (line.length() + word.length() + 1 > 85 && !line.isEmpty()) {
				lines.add(new String[] { "", line.toString() });
				line.setLength(0);
			}
			if (!line.isEmpty()) {
				line.append(' ');
			}
			line.append(word);
		}
		if (!line.isEmpty()) {
			lines.add(new String[] { "", line.toString() });
		}
		return lines;
	}

	private static final String WIN_ANSI_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

	static String winAnsi(String text) {
		var out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if ((c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFF) || WIN_ANSI_EXTRA.indexOf(c) >= 0) {
				out.append(c);
				continue;
			}
			String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
			out.append(!base.isEmpty() && base.chars().allMatch(b -> b >= 0x20 && b <= 0x7E) ? base : "?");
		}
		return out.toString();
	}
}
