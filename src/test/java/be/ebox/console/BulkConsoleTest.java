package be.ebox.console;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import be.ebox.identity.Accounts;
import be.ebox.identity.EboxUser;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bulk publication from the sender console: staff upload a template, a shared document and a recipients file, the
 * workers publish it (chunks of three lines), the progress page and its JSON follow it and list the failed lines in the
 * page language; another organisation's staff find nothing; a bad upload starts nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ebox.bulk.chunk-lines=3", "ebox.bulk.poll-interval=200ms" })
class BulkConsoleTest {

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
	MessageSource messages;

	final JsonMapper json = JsonMapper.builder().build();

	MockMvc mvc;

	ConsoleTestData data;

	TestEnterprises enterprises;

	EnterpriseNumber employmentService = EnterpriseNumber.parse(DemoReferenceData.ORGANISATION);

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		demo.install("bulk-console-secret");
		data = new ConsoleTestData(jdbc, accounts, staff);
		enterprises = new TestEnterprises(jdbc);
	}

	@Test
	void staffStartABulkPublicationAndFollowItToTheEnd() throws Exception {
		EboxUser employment = data.staffOf(employmentService);
		EnterpriseNumber first = enterprises.legalPerson("Première SA", "Eerste NV");
		EnterpriseNumber second = enterprises.legalPerson("Deuxième SA", "Tweede NV");
		EnterpriseNumber third = enterprises.legalPerson("Troisième SA", "Derde NV");
		String ref = UUID.randomUUID().toString().substring(0, 8);
		String csv = String.join("\n", "enterpriseNumber,name", first.digits() + ",Eerste",
				"0123456789,Ongeldig", second.formatted() + ",Tweede", TestEnterprises.freshNumber().digits() + ",Onbekend",
				third.digits()) + "\n";

		String location = mvc.perform(start(employment, "nl", csv("ontvangers.csv", csv))
				.file(new MockMultipartFile("documents", "brochure.pdf", "application/pdf", SenderConsoleTest.PDF))
				.param("subjectNl", "Beste {{name}} " + ref)
				.param("bodyNl", "Tekst voor {{name}}"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/console/bulk/");
		String id = location.substring("/console/bulk/".length());

		JsonNode progress = waitUntilDone(employment, id);
		assertThat(progress.get("total").asLong()).isEqualTo(5);
		assertThat(progress.get("done").asLong()).isEqualTo(2);
		assertThat(progress.get("failed").asLong()).isEqualTo(3);
		assertThat(progress.get("processed").asLong()).isEqualTo(5);
		assertThat(progress.get("summary").asString()).isEqualTo(text("console.bulk.summary", "nl", 5, 5, 2, 3));

		assertThat(jdbc.sql("SELECT COUNT(*) FROM message_content WHERE subject = ?")
			.param("Beste Eerste " + ref).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM message_content WHERE subject = ?")
			.param("Beste Tweede " + ref).query(Long.class).single()).isEqualTo(1);

		for (String language : new String[] { "nl", "fr", "de", "en" }) {
			String page = page(employment, location + "?lang=" + language, 200);
			assertThat(page).contains("<progress", "max=\"5\"", "value=\"5\"")
				.contains(html(text("console.bulk.state.DONE", language)))
				.contains(html(text("console.bulk.failure.INVALID_RECIPIENT", language)))
				.contains(html(text("console.bulk.failure.UNKNOWN_RECIPIENT", language)))
				.contains(html(text("console.bulk.failure.MALFORMED_LINE", language)))
				.doesNotContain("data-progress-url");
			assertThat(page).contains("id=\"line-3\"", "id=\"line-5\"", "id=\"line-6\"");
		}
		assertThat(page(employment, "/console/bulk?lang=en", 200)).contains("job-" + id);
	}

	@Test
	void anotherOrganisationsStaffFindNothingOfAJob() throws Exception {
		EboxUser employment = data.staffOf(employmentService);
		EnterpriseNumber recipient = enterprises.legalPerson("Destinataire SA", "Bestemmeling NV");
		String location = mvc.perform(start(employment, "en", csv("r.csv", "enterpriseNumber\n" + recipient.digits() + "\n"))
				.param("subjectEn", "Hello")
				.param("bodyEn", "Text"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		String id = location.substring("/console/bulk/".length());

		var other = data.organisation("Andere Instelling");
		EboxUser otherStaff = data.staffOf(other.number());
		page(otherStaff, location, 404);
		page(otherStaff, location + "/progress", 404);
		assertThat(page(otherStaff, "/console/bulk?lang=en", 200)).doesNotContain(id);
		page(employment, "/console/bulk/not-a-job", 404);
		page(employment, "/console/bulk/" + UUID.randomUUID(), 404);
		mvc.perform(get(location).with(user(data.person()))).andExpect(status().isNotFound());
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "fr", "de", "en" })
	void aBadUploadStartsNothingAndIsExplainedInThePageLanguage(String language) throws Exception {
		EboxUser employment = data.staffOf(employmentService);
		long before = jobs();

		assertThat(refused(employment, language, null)).contains(html(text("console.bulk.recipients.required", language)))
			.contains(html(text("console.bulk.errors.summary", language)));
		assertThat(refused(employment, language, new MockMultipartFile("recipients", "lijst.xlsx",
				"application/octet-stream", "x".getBytes(StandardCharsets.UTF_8))))
			.contains(html(text("console.bulk.recipients.format", language)));
		assertThat(refused(employment, language, csv("leeg.csv", "\n\n")))
			.contains(html(text("console.bulk.recipients.invalid", language)));
		assertThat(refused(employment, language, csv("geen-kolom.csv", "name,ref\nA,B\n")))
			.contains(html(text("console.bulk.recipients.invalid", language)));

		String noSubject = mvc.perform(start(employment, language, csv("r.csv", "enterpriseNumber\n0412345614\n"))
				.param("messageType", "NoSuchType"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(noSubject).contains(html(text("console.compose.subject.required", language)))
			.contains(html(text("console.compose.mainContent.required", language)))
			.contains(html(text("console.compose.messageType.invalid", language)));
		assertThat(jobs()).as("no job started").isEqualTo(before);
	}

	@Test
	void withoutTheCsrfTokenNothingStarts() throws Exception {
		EboxUser employment = data.staffOf(employmentService);
		long before = jobs();
		mvc.perform(multipart("/console/bulk").file(csv("r.csv", "enterpriseNumber\n0412345614\n"))
				.with(user(employment))
				.param("application", DemoReferenceData.APPLICATION)
				.param("messageType", DemoReferenceData.UNPROTECTED_TYPE)
				.param("subjectNl", "Zonder token")
				.param("bodyNl", "Tekst"))
			.andExpect(status().isForbidden());
		assertThat(jobs()).isEqualTo(before);
	}

	private MockMultipartHttpServletRequestBuilder start(EboxUser user, String language, MockMultipartFile recipients) {
		var request = multipart("/console/bulk?lang=" + language);
		request.file(recipients).with(user(user)).with(csrf()).header("Accept-Language", language);
		request.param("application", DemoReferenceData.APPLICATION)
			.param("messageType", DemoReferenceData.UNPROTECTED_TYPE);
		return request;
	}

	private String refused(EboxUser user, String language, MockMultipartFile recipients) throws Exception {
		var request = multipart("/console/bulk?lang=" + language);
		if (recipients != null) {
			request.file(recipients);
		}
		request.with(user(user)).with(csrf()).header("Accept-Language", language);
		request.param("application", DemoReferenceData.APPLICATION)
			.param("messageType", DemoReferenceData.UNPROTECTED_TYPE)
			.param("subjectNl", "Onderwerp")
			.param("bodyNl", "Tekst");
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private JsonNode waitUntilDone(EboxUser user, String id) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			JsonNode progress = json.readTree(
					mvc.perform(get("/console/bulk/" + id + "/progress?lang=nl").with(user(user)))
						.andExpect(status().isOk())
						.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
			if ("DONE".equals(progress.get("state").asString()) || Instant.now().isAfter(deadline)) {
				return progress;
			}
			Thread.sleep(100);
		}
	}

	private long jobs() {
		return jdbc.sql("SELECT COUNT(*) FROM bulk_publication").query(Long.class).single();
	}

	private static MockMultipartFile csv(String name, String text) {
		return new MockMultipartFile("recipients", name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

	private String page(EboxUser user, String path, int status) throws Exception {
		return mvc.perform(get(path).with(user(user)))
			.andExpect(status().is(status))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private String text(String code, String language, Object... args) {
		return messages.getMessage(code, args, Locale.forLanguageTag(language));
	}

	private static String html(String text) {
		return SenderConsoleTest.html(text);
	}
}
