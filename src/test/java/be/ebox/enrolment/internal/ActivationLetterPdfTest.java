package be.ebox.enrolment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.PostalAddress;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The letter alone, without Spring: fonts, languages, odd names. */
class ActivationLetterPdfTest {

	private final ActivationLetterPdf letters = new ActivationLetterPdf(messages(), "https://ebox.example.be/");

	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/enrolment");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	private static ActivationLetterPdf.Content letter(String language, String name) {
		Instant date = LocalDate.of(2026, 3, 2).atTime(10, 0).toInstant(ZoneOffset.UTC);
		return new ActivationLetterPdf.Content(language, name, EnterpriseNumber.parse("0200065765"),
				new PostalAddress("Sint-Lambertusplein", "Place Saint-Lambert", "18", null, "4000", "Luik", "Liège",
						"België", "Belgique"),
				"Jürgen Öztürk", "jurgenoztu1234", "ABCD-EFGH-JKLM-NPQR", date, date.plusSeconds(30L * 86400));
	}

	@Test
	void accentsRenderAndComeBackOutOfTheText() {
		String text = EnrolmentTestSupport.pdfText(letters.render(letter("de", "Müller & Söhne Ærø Łódź GmbH")));
		assertThat(text).contains("Müller & Söhne Ærø Łódź GmbH").contains("Zu Händen von Jürgen Öztürk")
			.contains("Sint-Lambertusplein 18").contains("4000 Luik")
			.contains("Benutzername: jurgenoztu1234").contains("Aktivierungscode: ABCD-EFGH-JKLM-NPQR")
			.contains("2. März 2026").contains("bis zum 1. April 2026")
			.contains("https://ebox.example.be/activate");
	}

	@Test
	void charactersTheFontLacksBecomeQuestionMarksInsteadOfFailing() {
		String text = EnrolmentTestSupport.pdfText(letters.render(letter("en", "Smile \uD83D\uDE00 Ltd")));
		assertThat(text).contains("Smile ? Ltd").contains("Activation code: ABCD-EFGH-JKLM-NPQR")
			.contains("March 2, 2026");
	}

	@Test
	void longNamesWrapInsideTheAddressWindow() {
		String name = "Compagnie Internationale des Wagons-Lits et des Grands Express Européens ".repeat(4).strip();
		String text = EnrolmentTestSupport.pdfText(letters.render(letter("fr", name)));
		assertThat(text).contains("Compagnie Internationale des").contains("Code d'activation : ABCD-EFGH-JKLM-NPQR")
			.contains("2 mars 2026");
	}
}
