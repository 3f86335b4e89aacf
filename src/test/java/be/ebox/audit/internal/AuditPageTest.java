package be.ebox.audit.internal;

import be.ebox.WebSession;
import be.ebox.audit.AuditEvent;
import be.ebox.audit.AuditTrail;
import be.ebox.registry.EnterpriseNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.servlet.multipart.max-file-size=64KB", "spring.servlet.multipart.max-request-size=128KB" })
class AuditPageTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	AuditTrail trail;

	@Autowired
	WebApplicationContext context;

	@Test
	void theOperatorFiltersRecordsByEnterpriseAndActionAndPagesThroughThem() {
		var enterprise = EnterpriseNumber.parse(uniqueNumber());
		for (int i = 0; i < AuditController.PAGE_SIZE + 3; i++) {
			trail.record(AuditEvent.of("page-test", i % 2 == 0 ? "PAGE_EVEN" : "PAGE_ODD", enterprise, "item " + i));
		}
		var operator = WebSession.operator(port, jdbc, encoder);

		var page = operator.get("/operator/audit?lang=en&enterprise=" + enterprise.digits());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Audit trail").contains("Records (53)").contains(enterprise.formatted())
			.contains("item 52").doesNotContain(">item 2<").contains("Page 1 of 2").contains("Older records");

		var older = operator.get("/operator/audit?lang=en&enterprise=" + enterprise.formatted() + "&page=2");
		assertThat(older.body()).contains(">item 2<").doesNotContain("item 52").contains("Page 2 of 2");

		var odd = operator.get("/operator/audit?lang=en&enterprise=" + enterprise.digits() + "&action=PAGE_ODD");
		assertThat(odd.body()).contains("Records (26)").contains("item 51").doesNotContain("item 52");
	}

	@Test
	void anInvalidEnterpriseNumberIsExplainedInTheUsersLanguage() {
		var operator = WebSession.operator(port, jdbc, encoder);
		var page = operator.get("/operator/audit?lang=nl&enterprise=0123.456.789");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Dit is geen geldig ondernemingsnummer").contains("aria-invalid=\"true\"");
	}

	@Test
	void theVerifyButtonShowsThatTheChainIsIntactAndIsItselfAudited() {
		var operator = WebSession.operator(port, jdbc, encoder);
		operator.get("/operator/audit?lang=fr");
		var verified = operator.postForm("/operator/audit/verify", "");
		assertThat(verified.statusCode()).isEqualTo(302);
		var page = operator.get("/operator/audit");
		assertThat(page.body()).contains("Le journal d&#39;audit est intact").contains("AUDIT_VERIFIED");
	}

	@Test
	void theOperatorPagesSpeakFourLanguages() {
		var operator = WebSession.operator(port, jdbc, encoder);
		assertThat(operator.get("/operator?lang=nl").body()).contains("Auditspoor").contains("Postuitgang")
			.contains("href=\"/operator/registry/imports\"").contains("href=\"/operator/enrolment/registrations\"")
			.contains("href=\"/operator/enrolment/postal-outbox\"").contains("href=\"/operator/audit\"")
			.contains("site-header__user");
		assertThat(operator.get("/operator?lang=fr").body()).contains("Journal d&#39;audit").contains("Courrier sortant");
		assertThat(operator.get("/operator?lang=de").body()).contains("Prüfprotokoll").contains("Postausgang");
		assertThat(operator.get("/operator?lang=en").body()).contains("Audit trail").contains("Postal outbox");
		assertThat(operator.get("/operator/audit?lang=de").body()).contains("Kette prüfen");
	}

	@Test
	void aPersonWhoIsNoOperatorIsRefused() {
		var person = WebSession.person(port, jdbc, encoder, false);
		var page = person.get("/operator/audit?lang=en");
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("You may not open this page").doesNotContain("Audit trail");
	}

	@Test
	void thePageFrameRendersForAMockOperatorWithoutAnAccount() throws Exception {
		// other modules test their operator pages with spring-security-test's mock users: the frame must cope
		var mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
		mvc.perform(get("/operator/audit").param("lang", "en").with(user("mock-operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Audit trail")))
			.andExpect(content().string(containsString("Sign out")))
			.andExpect(content().string(not(containsString("site-header__user"))));
	}

	/** A valid enterprise number that no other test run is likely to use. */
	static String uniqueNumber() {
		long firstEight = (System.nanoTime() / 1000) % 10_000_000;
		String base = String.format("%08d", firstEight);
		return base + String.format("%02d", 97 - firstEight % 97);
	}
}
