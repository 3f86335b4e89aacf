package be.ebox.enrolment.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

import be.ebox.enrolment.Enrolment;
import be.ebox.enrolment.RegistrationRequest;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.testsupport.MutableClock;
import be.ebox.testsupport.MutableClockConfiguration;
import be.ebox.testsupport.TestEnterprises;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One Spring context for all enrolment tests: MockMvc, the real database, a clock tests can move. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
abstract class EnrolmentTestSupport {

	static final Pattern CODE = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Enrolment enrolment;

	@Autowired
	MutableClock clock;

	@Autowired
	PostalOutbox outbox;

	TestEnterprises enterprises;

	@BeforeEach
	void setUpEnterprises() {
		enterprises = new TestEnterprises(jdbc);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	RegistrationRequest request(EnterpriseNumber number, String language) {
		return new RegistrationRequest(number, "Marie Müller-Dupont", "marie@example.be", language);
	}

	long auditCount(EnterpriseNumber number, String action) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE enterprise_number = ? AND action = ?")
			.params(number.digits(), action)
			.query(Long.class)
			.single();
	}

	/** The text of the letter still to print for the enterprise. */
	String letterText(EnterpriseNumber number) {
		var letter = outbox.ofEnterprise(number).stream()
			.filter(l -> l.state() == PostalOutbox.LetterState.TO_PRINT)
			.reduce((first, second) -> second)
			.orElseThrow();
		return pdfText(outbox.pdf(letter.id()).orElseThrow());
	}

	static String pdfText(byte[] pdf) {
		try (var document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String codeIn(String letterText) {
		var matcher = CODE.matcher(letterText);
		if (!matcher.find()) {
			throw new AssertionError("no activation code in the letter");
		}
		return matcher.group();
	}
}
