package be.ebox.enrolment.internal;

import be.ebox.identity.AccountId;
import be.ebox.identity.EboxUser;
import be.ebox.registry.EnterpriseNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class OperatorPagesTest extends EnrolmentTestSupport {

	@Autowired
	MockMvc mvc;

	private static RequestPostProcessor operator() {
		return user(new EboxUser(AccountId.random(), "operator-test", "Operator", null, true, true));
	}

	private static RequestPostProcessor person() {
		return user(new EboxUser(AccountId.random(), "person-test", "Person", null, true, false));
	}

	@Test
	void onlyOperatorsSeeThePostalOutboxAndTheRegistrations() throws Exception {
		assertThat(mvc.perform(get("/operator/enrolment/postal-outbox").with(person())).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/operator/enrolment/registrations").with(person())).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/operator/enrolment/postal-outbox")).andReturn().getResponse().getStatus())
			.isEqualTo(302);
	}

	@Test
	void operatorsDownloadLettersAndMarkThemPrinted() throws Exception {
		EnterpriseNumber number = enterprises.legalPerson("Imprimerie SA", "Drukkerij NV");
		var credentials = enrolment.registerWithCredentials(request(number, "nl"));
		var letter = outbox.ofEnterprise(number).get(0);

		String list = EnrolmentPagesTest.html(mvc.perform(get("/operator/enrolment/postal-outbox").with(operator())
			.header("Accept-Language", "en")).andReturn());
		assertThat(list).contains("Postal outbox").contains(number.formatted()).contains("Drukkerij NV")
			.contains("id=\"letter-download-" + letter.id() + "\"").contains("id=\"letter-printed-" + letter.id() + "\"")
			.doesNotContain(credentials.activationCode());

		MvcResult download = mvc.perform(get("/operator/enrolment/postal-outbox/" + letter.id() + "/pdf").with(operator()))
			.andReturn();
		assertThat(download.getResponse().getStatus()).isEqualTo(200);
		assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
		assertThat(pdfText(download.getResponse().getContentAsByteArray())).contains(credentials.activationCode());
		assertThat(jdbc.sql("""
				SELECT details FROM audit_record WHERE enterprise_number = ? AND action = 'ACTIVATION_LETTER_DOWNLOADED'
				AND actor = 'operator-test'""").param(number.digits()).query(String.class).list())
			.containsExactly("letter " + letter.id());

		MvcResult printed = mvc.perform(post("/operator/enrolment/postal-outbox/" + letter.id() + "/printed")
			.with(operator()).with(csrf())).andReturn();
		assertThat(printed.getResponse().getRedirectedUrl()).isEqualTo("/operator/enrolment/postal-outbox");
		assertThat(outbox.find(letter.id()).orElseThrow().state()).isEqualTo(PostalOutbox.LetterState.PRINTED);
		assertThat(outbox.find(letter.id()).orElseThrow().hasPdf()).isFalse();
		assertThat(mvc.perform(get("/operator/enrolment/postal-outbox/" + letter.id() + "/pdf").with(operator()))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(auditCount(number, "ACTIVATION_LETTER_PRINTED")).isEqualTo(1);
		// and no audit line ever holds the code
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE details LIKE ?")
			.param("%" + credentials.activationCode() + "%").query(Long.class).single()).isZero();
	}

	@Test
	void operatorsIssueANewLetterFromTheRegistrationsPage() throws Exception {
		EnterpriseNumber number = enterprises.legalPerson("Nouvelle Lettre SA", "Nieuwe Brief NV");
		var credentials = enrolment.registerWithCredentials(request(number, "fr"));

		String list = EnrolmentPagesTest.html(mvc.perform(get("/operator/enrolment/registrations").with(operator())
			.header("Accept-Language", "fr")).andReturn());
		assertThat(list).contains("Enregistrements").contains(number.formatted()).contains("Nouvelle Lettre SA")
			.contains("id=\"reissue-" + number.digits() + "\"").contains("Enregistrée, pas encore activée");

		MvcResult reissued = mvc.perform(post("/operator/enrolment/registrations/" + number.digits() + "/letters")
			.with(operator()).with(csrf())).andReturn();
		assertThat(reissued.getResponse().getRedirectedUrl()).isEqualTo("/operator/enrolment/registrations");
		assertThat(outbox.ofEnterprise(number)).extracting(PostalOutbox.Letter::state)
			.containsExactly(PostalOutbox.LetterState.VOIDED, PostalOutbox.LetterState.TO_PRINT);
		assertThat(codeIn(letterText(number))).isNotEqualTo(credentials.activationCode());
		assertThat(jdbc.sql("SELECT actor FROM audit_record WHERE enterprise_number = ? AND action = 'ACTIVATION_LETTER_REISSUED'")
			.param(number.digits()).query(String.class).list()).containsExactly("operator-test");
	}
}
