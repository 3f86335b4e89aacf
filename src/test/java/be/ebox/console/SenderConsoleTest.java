package be.ebox.console;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import be.ebox.access.Reader;
import be.ebox.identity.Accounts;
import be.ebox.identity.EboxUser;
import be.ebox.messages.MessageActions;
import be.ebox.messages.MessageId;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.testsupport.TestEnterprises;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sender console as its users and an attacker use it: staff of one organisation publish and follow their own
 * messages and nothing of another organisation's; refusals are explained in the page language, never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SenderConsoleTest {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	/** A Windows executable's first bytes, under a PDF's name. */
	static final byte[] EXECUTABLE = new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF,
			(byte) 0xFF, 0, 0 };

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	SenderStaff staff;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	MessageActions actions;

	@Autowired
	MessageSource messages;

	MockMvc mvc;

	ConsoleTestData data;

	EnterpriseNumber employmentService = EnterpriseNumber.parse(DemoReferenceData.ORGANISATION);

	EnterpriseNumber recipient;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		demo.install("console-test-secret");
		data = new ConsoleTestData(jdbc, accounts, staff);
		recipient = new TestEnterprises(jdbc).legalPerson("Destinataire SA", "Bestemmeling NV");
	}

	@Test
	void staffPublishAndFollowOnlyTheirOwnOrganisationsMessages() throws Exception {
		EboxUser employment = data.staffOf(employmentService);
		var other = data.organisation("Andere Instelling");
		EboxUser otherStaff = data.staffOf(other.number());
		String subject = "Verkiezingsbrief " + UUID.randomUUID();

		String location = mvc.perform(compose(employment, "en").file(pdf("brief.pdf"))
				.param("recipient", recipient.formatted())
				.param("messageType", DemoReferenceData.PROTECTED_TYPE)
				.param("subjectNl", subject))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/console/messages/").endsWith("?published");
		String id = location.substring("/console/messages/".length(), location.indexOf('?'));

		String detail = page(employment, "/console/messages/" + id + "?lang=en", 200);
		assertThat(detail).contains(subject, recipient.formatted(), "brief.pdf", "Not read yet", "Published",
				"has not activated its e-Box yet");
		assertThat(page(employment, "/console/messages?lang=en", 200)).contains(subject);

		// the other organisation: not in its list, not by id, not in its chart
		assertThat(page(otherStaff, "/console/messages/" + id + "?lang=en", 404)).doesNotContain(subject);
		assertThat(page(otherStaff, "/console/messages?lang=en", 200)).doesNotContain(subject).contains("Nothing sent yet.");
		assertThat(page(otherStaff, "/console/messages?type=" + DemoReferenceData.PROTECTED_TYPE + "&lang=en", 200))
			.doesNotContain(subject);
		assertThat(page(otherStaff, "/console/reads?type=" + DemoReferenceData.PROTECTED_TYPE + "&lang=en", 200))
			.contains("0 of 0 messages read");
	}

	@Test
	void aStaffMemberCannotPublishForAnotherOrganisation() throws Exception {
		var other = data.organisation("Andere Instelling");
		EboxUser otherStaff = data.staffOf(other.number());
		long before = sentBy(employmentService);

		String page = mvc.perform(compose(otherStaff, "fr").param("recipient", recipient.formatted())
				.param("application", DemoReferenceData.APPLICATION)
				.param("messageType", DemoReferenceData.PROTECTED_TYPE)
				.param("subjectFr", "Usurpation")
				.param("bodyFr", "Texte"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains(text("console.compose.application.invalid", "fr"))
			.contains(text("console.compose.messageType.invalid", "fr"));
		assertThat(sentBy(employmentService)).isEqualTo(before);
		assertThat(sentBy(other.number())).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "fr", "de", "en" })
	void eachRefusalIsExplainedInThePageLanguage(String language) throws Exception {
		EboxUser employment = data.staffOf(employmentService);
		long before = sentBy(employmentService);
		EnterpriseNumber unknown = TestEnterprises.freshNumber();

		String unknownRecipient = refused(employment, language, unknown.formatted(), DemoReferenceData.UNPROTECTED_TYPE,
				null, null);
		assertThat(unknownRecipient).contains(text("console.refused.UNKNOWN_RECIPIENT", language));

		assertThat(refused(employment, language, "0123.456.789", DemoReferenceData.UNPROTECTED_TYPE, null, null))
			.contains(text("console.compose.recipient.invalid", language));

		assertThat(refused(employment, language, recipient.formatted(), "NoSuchType", null, null))
			.contains(text("console.compose.messageType.invalid", language));

		assertThat(refused(employment, language, recipient.formatted(), DemoReferenceData.UNPROTECTED_TYPE,
				new MockMultipartFile("documents", "factuur.pdf", "application/pdf", EXECUTABLE), null))
			.contains(text("console.compose.documents.type", language, "factuur.pdf"));

		assertThat(refused(employment, language, recipient.formatted(), DemoReferenceData.UNPROTECTED_TYPE, null,
				LocalDate.now().plusDays(10).toString()))
			.contains(text("console.compose.dueDate.notTask", language));

		String noSubject = mvc.perform(compose(employment, language).param("recipient", recipient.formatted())
				.param("messageType", DemoReferenceData.UNPROTECTED_TYPE)
				.param("visibleFrom", "2001-01-01T10:00"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(noSubject).contains(text("console.compose.subject.required", language))
			.contains(text("console.compose.mainContent.required", language))
			.contains(text("console.compose.visibleFrom.past", language))
			.contains(text("console.errors.summary", language));

		assertThat(sentBy(employmentService)).as("nothing published").isEqualTo(before);
	}

	@Test
	void withoutTheCsrfTokenNothingIsPublished() throws Exception {
		EboxUser employment = data.staffOf(employmentService);
		long before = sentBy(employmentService);
		mvc.perform(multipart("/console/compose").with(user(employment))
				.param("application", DemoReferenceData.APPLICATION)
				.param("recipient", recipient.formatted())
				.param("messageType", DemoReferenceData.UNPROTECTED_TYPE)
				.param("subjectNl", "Zonder token")
				.param("bodyNl", "Tekst"))
			.andExpect(status().isForbidden());
		assertThat(sentBy(employmentService)).isEqualTo(before);
	}

	@Test
	void theSameFormSentTwicePublishesOnce() throws Exception {
		EboxUser employment = data.staffOf(employmentService);
		String key = UUID.randomUUID().toString();
		String first = null;
		for (int i = 0; i < 2; i++) {
			String location = mvc.perform(compose(employment, "nl").param("recipient", recipient.formatted())
					.param("messageType", DemoReferenceData.UNPROTECTED_TYPE)
					.param("subjectNl", "Dubbel geklikt")
					.param("bodyNl", "Tekst")
					.param("idempotencyKey", key))
				.andExpect(status().is3xxRedirection())
				.andReturn().getResponse().getRedirectedUrl();
			if (first == null) {
				first = location;
			}
			assertThat(location).isEqualTo(first);
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM message WHERE recipient = ?").param(recipient.digits())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theListShowsWhatWasReadAndTheChartCountsIt() throws Exception {
		EboxUser employment = data.staffOf(employmentService);
		String location = mvc.perform(compose(employment, "en").param("recipient", recipient.formatted())
				.param("messageType", DemoReferenceData.TASK_TYPE)
				.param("subjectEn", "Confirm phase X-60")
				.param("bodyEn", "Please confirm")
				.param("dueDate", LocalDate.now().plusDays(20).toString())
				.param("acknowledgementRequired", "true"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		var id = MessageId.parse(location.substring("/console/messages/".length(), location.indexOf('?'))).orElseThrow();
		actions.openMainContent(Reader.ofEverything(recipient, Reader.Kind.SOFTWARE, "client-x"), id);

		String detail = page(employment, "/console/messages/" + id.value() + "?lang=en", 200);
		assertThat(detail).contains("Read", "Main content opened", "the enterprise&#39;s software",
				LocalDate.now().plusDays(20).toString());
		String list = page(employment, "/console/messages?type=" + DemoReferenceData.TASK_TYPE + "&lang=en", 200);
		assertThat(list).contains("Confirm phase X-60");
		String chart = page(employment, "/console/reads?type=" + DemoReferenceData.TASK_TYPE + "&lang=en", 200);
		assertThat(chart).contains("<svg", "<polyline").doesNotContain("style=");
		long total = sentBy(employmentService, DemoReferenceData.TASK_TYPE);
		long read = jdbc.sql("SELECT COUNT(*) FROM message WHERE sender_organisation = ? AND message_type = ?"
				+ " AND first_read_at IS NOT NULL")
			.params(employmentService.digits(), DemoReferenceData.TASK_TYPE).query(Long.class).single();
		assertThat(chart).contains(read + " of " + total + " messages read");
	}

	@Test
	void theConsoleDoesNotExistForOthers() throws Exception {
		EboxUser person = data.person();
		mvc.perform(get("/console").with(user(person))).andExpect(status().isNotFound());
		mvc.perform(get("/console/compose").with(user(person))).andExpect(status().isNotFound());
		EboxUser operator = new EboxUser(new be.ebox.identity.AccountId(UUID.randomUUID()), "operator", "Operator",
				null, true, true);
		mvc.perform(get("/console/messages").with(user(operator))).andExpect(status().isNotFound());
		mvc.perform(get("/console")).andExpect(status().is3xxRedirection());

		EboxUser employment = data.staffOf(employmentService);
		page(employment, "/console/messages/not-a-message-id", 404);
		page(employment, "/console/messages/" + UUID.randomUUID(), 404);
		page(employment, "/console/messages?page=abc", 400);
		page(employment, "/console/messages?page=999999", 200);

		// a removed staff member loses the console at once
		staff.remove(employment.accountId(), "test");
		page(employment, "/console", 404);
	}

	@Test
	void theOperatorAssignsStaff() throws Exception {
		EboxUser person = data.person();
		EboxUser operator = new EboxUser(new be.ebox.identity.AccountId(UUID.randomUUID()), "operator", "Operator",
				null, true, true);
		String refused = mvc.perform(post("/operator/staff?lang=nl").with(user(operator)).with(csrf())
				.param("username", "nobody-" + UUID.randomUUID())
				.param("organisation", employmentService.digits()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains(text("console.staff.error.unknownAccount", "nl"));

		mvc.perform(post("/operator/staff").with(user(operator)).with(csrf())
				.param("username", person.getUsername())
				.param("organisation", employmentService.digits()))
			.andExpect(status().is3xxRedirection());
		assertThat(staff.organisationOf(person.accountId())).contains(employmentService);
		page(person, "/console", 200);

		// the staff member cannot assign themself anywhere
		mvc.perform(post("/operator/staff").with(user(person)).with(csrf())
				.param("username", person.getUsername())
				.param("organisation", "0123456749"))
			.andExpect(status().isForbidden());
	}

	private MockMultipartHttpServletRequestBuilder compose(EboxUser user, String language) {
		var request = multipart("/console/compose?lang=" + language);
		request.with(user(user)).with(csrf()).header("Accept-Language", language);
		request.param("application", DemoReferenceData.APPLICATION);
		return request;
	}

	private String refused(EboxUser user, String language, String recipient, String type, MockMultipartFile file,
			String dueDate) throws Exception {
		var request = compose(user, language).param("recipient", recipient)
			.param("messageType", type)
			.param("subjectNl", "Onderwerp")
			.param("bodyNl", "Tekst");
		if (file != null) {
			request.file(file);
		}
		if (dueDate != null) {
			request.param("dueDate", dueDate);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private String page(EboxUser user, String path, int status) throws Exception {
		return mvc.perform(get(path).with(user(user)))
			.andExpect(status().is(status))
			.andReturn().getResponse().getContentAsString();
	}

	private static MockMultipartFile pdf(String name) {
		return new MockMultipartFile("documents", name, "application/pdf", PDF);
	}

	private String text(String code, String language, Object... args) {
		return html(messages.getMessage(code, args, Locale.forLanguageTag(language)));
	}

	/** As Thymeleaf writes text: markup characters escaped, letters such as é left as they are. */
	static String html(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private long sentBy(EnterpriseNumber organisation) {
		return jdbc.sql("SELECT COUNT(*) FROM message WHERE sender_organisation = ?").param(organisation.digits())
			.query(Long.class).single();
	}

	private long sentBy(EnterpriseNumber organisation, String type) {
		return jdbc.sql("SELECT COUNT(*) FROM message WHERE sender_organisation = ? AND message_type = ?")
			.params(organisation.digits(), type).query(Long.class).single();
	}
}
