package be.ebox.elections.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import be.ebox.console.SenderStaff;
import be.ebox.identity.Accounts;
import be.ebox.messages.BulkPublications;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.testsupport.MutableClock;
import be.ebox.testsupport.MutableClockConfiguration;
import be.ebox.testsupport.TestEnterprises;
import be.ebox.testsupport.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static be.ebox.elections.internal.ElectionsDatabaseTest.HEADER;
import static be.ebox.elections.internal.ElectionsDatabaseTest.line;
import static org.assertj.core.api.Assertions.assertThat;

/** The employment service's console pages, and the phase notices and reminders on a clock moved to 2015-2016. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
class ConsoleAndNoticesTest {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	ElectionsImport imports;

	@Autowired
	CodesCampaign codes;

	@Autowired
	PhaseNotices notices;

	@Autowired
	Campaigns campaigns;

	@Autowired
	BulkPublications bulk;

	@Autowired
	Dossiers dossiers;

	@Autowired
	SenderStaff staff;

	@Autowired
	Accounts accounts;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void referenceData() {
		demo.install("elections-test-secret");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** Moves the clock to that local time in Brussels. */
	void at(String localDateTime) {
		clock.reset();
		clock.advance(Duration.between(Instant.now(), LocalDateTime.parse(localDateTime).atZone(BRUSSELS).toInstant()));
	}

	@Test
	void noticesAndRemindersOnlyForPhasesNotConfirmedAndEachOnce() throws Exception {
		var enterprise = new TestEnterprises(jdbc).legalPerson("Rappel SA", "Herinnering NV");
		// Y = 16 May 2016: X-60 = 18 December 2015, X-35 = 12 January 2016
		assertThat(imports.importCsv(ElectionsDatabaseTest.in(HEADER
				+ line(enterprise, "Herinnering NV", "nl", "R1", "Gent", "OR", "2016-05-16")
				+ line(enterprise, "Herinnering NV", "nl", "R1", "Gent", "CPBW", "2016-05-16"))).accepted()).isTrue();
		var two = dossiers.ofEnterprise(enterprise);
		String confirmed = two.get(0).number();
		String open = two.get(1).number();
		dossiers.confirm(confirmed, "X-60");

		// 16 December 2015, just after midnight: two days before X-60 (reminders start 3 days before)
		at("2015-12-16T00:05:00");
		notices.sendDue("test");
		assertThat(sent(confirmed)).isEmpty();
		assertThat(sent(open)).containsExactlyInAnyOrder("X-60/NOTICE", "X-60/REMINDER");
		// exactly once
		notices.sendDue("test");
		assertThat(sent(open)).hasSize(2);

		// 10 January 2016: two days before X-35
		at("2016-01-10T09:00:00");
		notices.sendDue("test");
		assertThat(sent(confirmed)).containsExactlyInAnyOrder("X-35/NOTICE", "X-35/REMINDER");
		assertThat(sent(open)).containsExactlyInAnyOrder("X-60/NOTICE", "X-60/REMINDER", "X-35/NOTICE", "X-35/REMINDER");
		awaitJobs();
		// published as tasks due on the milestone's day, in the enterprise's e-Box
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM message m JOIN message_content c ON c.message_id = m.id AND c.language = 'nl'
				WHERE m.recipient = ? AND m.message_type = ? AND m.due_date = DATE '2016-01-12'
				AND c.subject LIKE 'Herinnering: Beslissing van de werkgever na overleg op 12/01/2016%'""")
			.params(enterprise.digits(), DemoReferenceData.TASK_TYPE)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void staffImportSendCodesAndFollowTheDashboard() throws Exception {
		var people = new TestAccounts(accounts, jdbc);
		var member = people.staffOf(staff, EnterpriseNumber.parse(DemoReferenceData.ORGANISATION), "en");
		var web = people.signIn(port, member);
		assertThat(web.get("/console/elections?lang=en").statusCode()).isEqualTo(200);

		var enterprise = new TestEnterprises(jdbc).legalPerson("Tableau SA", "Tabel NV");
		String bad = HEADER + line(enterprise, "Tabel NV", "nl", "D1", "Gent", "OR", "2016-05-16")
				+ line(enterprise, "Tabel NV", "nl", "D1", "Gent", "OR", "2016-05-16");
		var refused = Multipart.post(web, "/console/elections/import", Map.of(), "file", "db.csv", "text/csv",
				bad.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("Nothing was imported",
				"Line 3: This consultation body is already on an earlier line.");
		assertThat(dossiers.ofEnterprise(enterprise)).isEmpty();

		String good = HEADER + line(enterprise, "Tabel NV", "nl", "D1", "Gent", "OR", "2016-05-16");
		web.get("/console/elections");
		assertThat(Multipart.post(web, "/console/elections/import", Map.of(), "file", "db.csv", "text/csv",
				good.getBytes(StandardCharsets.UTF_8)).body()).contains("Imported: 1 enterprises");
		web.get("/console/elections");
		assertThat(web.postForm("/console/elections/codes", "").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/console/elections?codes"));
		awaitJobs();
		assertThat(web.get("/console/elections").body()).contains("<progress max=\"100\"", "value=\"100\"");

		var dashboard = web.get("/console/elections/dashboard");
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.body()).contains("id=\"chart-ebox\"", "id=\"table-phases\"", "Tabel NV (" + enterprise.formatted());
		var csv = web.get("/console/elections/no-ebox.csv");
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		assertThat(csv.body()).startsWith("enterpriseNumber,name,language,consultationBodies\n")
			.contains(enterprise.formatted() + ",\"Tabel NV\",nl,1");
		var pdf = web.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web.base() + "/console/elections/no-ebox.pdf"))
			.build());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.body()).startsWith("%PDF");

		// not the employment service's staff: the pages do not exist
		var other = people.signIn(port, people.account("Not staff", "en"));
		assertThat(other.get("/console/elections").statusCode()).isEqualTo(404);
		assertThat(other.get("/console/elections/no-ebox.csv").statusCode()).isEqualTo(404);
	}

	private List<String> sent(String dossier) {
		return jdbc.sql("SELECT milestone || '/' || kind FROM elections_notice WHERE dossier_number = ?")
			.param(dossier)
			.query(String.class)
			.list();
	}

	void awaitJobs() throws InterruptedException {
		for (var campaign : campaigns.recent(50)) {
			ElectionsDatabaseTest.awaitDone(campaigns, bulk, campaign.id());
		}
	}
}
