package be.ebox.elections.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import be.ebox.access.Reader;
import be.ebox.access.ReadingRights;
import be.ebox.access.Role;
import be.ebox.browser.Browser;
import be.ebox.browser.BrowserTest;
import be.ebox.browser.Downloads;
import be.ebox.console.SenderStaff;
import be.ebox.identity.Accounts;
import be.ebox.messages.BulkPublications;
import be.ebox.messages.MessageFilter;
import be.ebox.messages.Messages;
import be.ebox.messages.ReadableMessage;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.testsupport.MutableClock;
import be.ebox.testsupport.MutableClockConfiguration;
import be.ebox.testsupport.TestEnterprises;
import be.ebox.testsupport.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static be.ebox.elections.internal.ElectionsDatabaseTest.HEADER;
import static be.ebox.elections.internal.ElectionsDatabaseTest.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end in a real browser: the employment service imports the database and runs the codes campaign; the main
 * access manager sees the four letters, an employee without a grant none; the manager grants her the social elections
 * type; she reads her letter, signs in to the web application with its codes and confirms phase X-60; then that
 * phase's reminder is not sent and the next phase's is. axe-core checks every page on the way.
 * <p>
 * What a person sees is checked in the web inbox, and also asked of {@link Messages} with that person's
 * {@link Reader} (the query behind the inbox and the API), which also gives the ids of the letters.
 */
@BrowserTest
@Import(MutableClockConfiguration.class)
class SocialElectionsBrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	SenderStaff staff;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	ReadingRights rights;

	@Autowired
	Messages messages;



	@Autowired
	Dossiers dossiers;

	@Autowired
	PhaseNotices notices;

	@Autowired
	Campaigns campaigns;

	@Autowired
	BulkPublications bulk;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void fromTheDatabaseImportToTheReminders(Browser browser) throws Exception {
		demo.install("elections-browser-secret");
		EnterpriseNumber enterprise = new TestEnterprises(jdbc).legalPerson("Élections Navigateur SA",
				"Verkiezingen Browser NV");
		var people = new TestAccounts(accounts, jdbc);
		var service = people.staffOf(staff, EnterpriseNumber.parse(DemoReferenceData.ORGANISATION), "en");
		var manager = people.withRole(enterprise, Role.MAIN_ACCESS_MANAGER, "Marc Manager", "en");
		var sofie = people.withRole(enterprise, Role.USER, "Sofie Responsible", "en");

		// the service imports the database (one works council and three committees) and runs the codes campaign
		Path csv = Files.createTempFile("elections", ".csv");
		Files.writeString(csv, HEADER
				+ line(enterprise, "Élections Navigateur SA", "fr", "UTE-1", "Siège de Liège", "CE", "2016-05-16")
				+ line(enterprise, "Élections Navigateur SA", "fr", "UTE-1", "Siège de Liège", "CPPT", "2016-05-16")
				+ line(enterprise, "Élections Navigateur SA", "fr", "UTE-2", "Dépôt de Namur", "CPPT", "2016-05-16")
				+ line(enterprise, "Élections Navigateur SA", "fr", "UTE-3", "Atelier d'Eupen", "CPPT", "2016-05-16"),
				StandardCharsets.UTF_8);
		people.signIn(browser, service, "en");
		browser.open("/console?lang=en");
		browser.clickLink("Social elections: database, codes, campaigns, dashboard");
		assertThat(browser.heading()).isEqualTo("Social elections");
		browser.assertAccessible();
		browser.driver().findElement(By.id("import-file")).sendKeys(csv.toString());
		browser.clickButton("Import");
		assertThat(browser.text("#elections-done"))
			.isEqualTo("Imported: 1 enterprises, 3 technical business units, 4 consultation bodies (4 new).");
		assertThat(browser.text("#codes-pending")).endsWith("Bodies without codes now: 4.");
		browser.clickButton("Send the codes");
		assertThat(browser.text("#elections-done")).isEqualTo("The codes campaign has started.");
		awaitCampaigns();
		browser.open("/console/elections");
		assertThat(browser.text("#campaigns")).contains("4 of 4 published, 0 failed");
		browser.assertAccessible();
		browser.clickLink("Dashboard");
		// every letter of the service so far (other tests' too): at least these four, none read yet
		var unread = java.util.regex.Pattern.compile("Not read (\\d+)").matcher(browser.text("#table-letters"));
		assertThat(unread.find()).isTrue();
		assertThat(Integer.parseInt(unread.group(1))).isGreaterThanOrEqualTo(4);
		browser.assertAccessible();
		browser.clickButton("Sign out");

		// the main access manager sees the four letters in her inbox; the employee without a grant sees none
		people.signIn(browser, sofie, "en");
		assertThat(inboxLetters(browser, enterprise)).isEmpty();
		assertThat(letters(sofie)).isEmpty();
		browser.clickButton("Sign out");
		people.signIn(browser, manager, "en");
		assertThat(inboxLetters(browser, enterprise)).hasSize(4);
		browser.assertAccessible();
		assertThat(letters(manager)).hasSize(4);

		// the manager grants the person responsible for the social elections
		browser.open("/ebox/access/" + enterprise.digits());
		browser.clickLink("Sofie Responsible");
		new Select(browser.driver().findElement(By.id("grant-type"))).selectByValue(DemoReferenceData.PROTECTED_TYPE);
		browser.clickButton("Grant");
		assertThat(browser.text("#access-done")).isEqualTo("The message type has been granted.");
		browser.clickButton("Sign out");

		// she finds her enterprise in the database and reads the letter of the works council
		people.signIn(browser, sofie, "en");
		browser.open("/elections/lookup");
		assertThat(browser.text("#lookup")).contains("is in the social elections database with 4 consultation bodies");
		browser.assertAccessible();
		assertThat(inboxLetters(browser, enterprise)).hasSize(4);
		var hers = letters(sofie);
		assertThat(hers).hasSize(4);
		Dossier worksCouncil = dossiers.ofEnterprise(enterprise)
			.stream()
			.filter(d -> d.body() == ConsultationBody.WORKS_COUNCIL)
			.findFirst()
			.orElseThrow();
		var letter = hers.stream()
			.filter(m -> m.message().contents().get("fr").subject().contains(worksCouncil.number()))
			.findFirst()
			.orElseThrow();
		String page = "/ebox/" + enterprise.digits() + "/messages/" + letter.message().id().value();
		browser.open(page);
		assertThat(browser.heading()).contains(worksCouncil.number());
		browser.assertAccessible();
		String pdfLink = browser.driver().findElement(By.cssSelector("#document-1 a")).getAttribute("href");
		byte[] pdf = Downloads.download(browser, pdfLink).body();
		assertThat(Letters.text(pdf)).contains("Numéro de dossier :  " + worksCouncil.number(), "Conseil d'entreprise");
		String password = Letters.password(pdf);
		browser.open(page);
		assertThat(browser.text("#detail-state")).startsWith("Read on");

		// she signs in to the web application with those codes and confirms phase X-60
		browser.open("/elections/app/login?lang=en");
		assertThat(browser.heading()).isEqualTo("Sign in with the codes of your dossier");
		browser.assertAccessible();
		browser.fillById("dossier", worksCouncil.number()).fillById("password", password).submit();
		assertThat(browser.currentPath()).isEqualTo("/elections/app");
		assertThat(browser.text("#phase-1")).contains("X-60", "First notice", "18/12/2015");
		browser.assertAccessible();
		browser.clickById("confirm-1");
		assertThat(browser.text("#app-confirmed")).isEqualTo("The phase is confirmed: no more reminders for it.");
		assertThat(browser.text("#phase-1")).contains("Confirmed");
		assertThat(browser.isPresent("#confirm-1")).isFalse();
		browser.assertAccessible();

		// that phase's reminder is not sent, the next phase's is
		at("2015-12-16T08:00:00");
		notices.sendDue("test");
		assertThat(sent(worksCouncil.number())).isEmpty();
		at("2016-01-10T08:00:00");
		notices.sendDue("test");
		assertThat(sent(worksCouncil.number())).containsExactlyInAnyOrder("X-35/NOTICE", "X-35/REMINDER");
		awaitCampaigns();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM message m JOIN message_content c ON c.message_id = m.id AND c.language = 'fr'
				WHERE m.recipient = ? AND m.message_type = ? AND c.subject LIKE ?""")
			.params(enterprise.digits(), DemoReferenceData.TASK_TYPE, "Rappel : %(dossier " + worksCouncil.number() + ")")
			.query(Long.class)
			.list()).containsExactly(1L);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM message m JOIN message_content c ON c.message_id = m.id AND c.language = 'en'
				WHERE m.recipient = ? AND c.subject LIKE ?""")
			.params(enterprise.digits(), "Reminder: First notice%(dossier " + worksCouncil.number() + ")")
			.query(Long.class)
			.single()).isZero();
		clock.reset();

		// the public information pages, in every language, without a login
		browser.clickButton("Sign out");
		for (String language : List.of("nl", "fr", "de", "en")) {
			browser.open("/elections/info?lang=" + language);
			assertThat(browser.language()).isEqualTo(language);
			assertThat(browser.isPresent("#rights")).isTrue();
			browser.assertAccessible();
		}
	}

	/** The social elections letters listed in the person's inbox, as the browser shows them. */
	private static List<String> inboxLetters(Browser browser, EnterpriseNumber enterprise) {
		browser.open("/ebox/" + enterprise.digits() + "/messages?type=" + DemoReferenceData.PROTECTED_TYPE);
		return browser.texts("#inbox-list > li");
	}

	private List<ReadableMessage> letters(TestAccounts.Person person) {
		var enterprise = jdbc.sql("SELECT enterprise_number FROM access_role WHERE account_id = ?")
			.param(person.account().value())
			.query(String.class)
			.single();
		Reader reader = rights.ofPerson(person.account(), EnterpriseNumber.parse(enterprise)).orElseThrow();
		return messages.search(reader, MessageFilter.all(), 1, 100)
			.items()
			.stream()
			.filter(m -> m.message().messageType().value().equals(DemoReferenceData.PROTECTED_TYPE))
			.toList();
	}

	private List<String> sent(String dossier) {
		return jdbc.sql("SELECT milestone || '/' || kind FROM elections_notice WHERE dossier_number = ?")
			.param(dossier)
			.query(String.class)
			.list();
	}

	private void at(String brusselsTime) {
		clock.reset();
		clock.advance(Duration.between(Instant.now(),
				LocalDateTime.parse(brusselsTime).atZone(java.time.ZoneId.of("Europe/Brussels")).toInstant()));
	}

	private void awaitCampaigns() throws InterruptedException {
		for (var campaign : campaigns.recent(50)) {
			ElectionsDatabaseTest.awaitDone(campaigns, bulk, campaign.id());
		}
	}
}
