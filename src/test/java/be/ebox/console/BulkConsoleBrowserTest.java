package be.ebox.console;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import be.ebox.browser.Browser;
import be.ebox.browser.BrowserTest;
import be.ebox.identity.AccountId;
import be.ebox.identity.Accounts;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.testsupport.TestEnterprises;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member of the employment service in a real browser, in each language: uploads a recipients file with a bad
 * line and a shared PDF, lands on the progress page while the job waits, watches the progress bar move to the end
 * without reloading by hand, and reads the failed line's reason. axe-core checks every page.
 */
@BrowserTest
class BulkConsoleBrowserTest {

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

	@Autowired
	ApplicationContext context;

	@ParameterizedTest
	@ValueSource(strings = { "nl", "fr", "de", "en" })
	void uploadsARecipientsFileAndFollowsTheProgress(String language, Browser browser) throws Exception {
		demo.install("bulk-browser-secret");
		TestEnterprises enterprises = new TestEnterprises(jdbc);
		EnterpriseNumber first = enterprises.legalPerson("Lecteur SA", "Lezer NV");
		EnterpriseNumber second = enterprises.legalPerson("Lectrice SA", "Lezeres NV");
		String username = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "Correct horse battery staple " + UUID.randomUUID();
		AccountId account = accounts.createPending(username, "Staff " + username, username + "@example.invalid", language);
		accounts.choosePassword(account, password);
		staff.assign(account, EnterpriseNumber.parse(DemoReferenceData.ORGANISATION), "test");
		Path csv = Files.createTempFile("recipients", ".csv");
		Files.writeString(csv, "enterpriseNumber,name\n" + first.digits() + ",Lezer\n0123456789,Fout\n"
				+ second.formatted() + ",Lezeres\n", StandardCharsets.UTF_8);
		Path pdf = Files.createTempFile("brochure", ".pdf");
		Files.write(pdf, SenderConsoleTest.PDF);

		browser.open("/login?lang=" + language);
		browser.signIn(username, password);
		browser.open("/console?lang=" + language);
		browser.clickLink(message("console.bulk.title", language));
		assertThat(browser.currentPath()).startsWith("/console/bulk");
		assertThat(browser.heading()).isEqualTo(message("console.bulk.title", language));
		browser.assertAccessible();

		// no recipients file first
		browser.fillById("subjectNl", "Beste {{name}}").fillById("bodyNl", "Tekst voor {{name}}");
		browser.submit();
		assertThat(browser.text("#recipients-error")).isEqualTo(message("console.bulk.recipients.required", language));
		assertThat(browser.isPresent("#error-summary")).isTrue();
		browser.assertAccessible();

		SmartLifecycle workers = workers();
		workers.stop();
		try {
			browser.driver().findElement(By.id("recipients")).sendKeys(csv.toString());
			browser.driver().findElement(By.id("documents")).sendKeys(pdf.toString());
			browser.submit();
			assertThat(browser.currentPath()).startsWith("/console/bulk/");
			assertThat(browser.heading()).isEqualTo(message("console.bulk.progress.title", language));
			assertThat(browser.text("#bulk-state")).isEqualTo(message("console.bulk.state.RUNNING", language));
			assertThat(browser.driver().findElement(By.id("bulk-progress")).getDomAttribute("value")).isEqualTo("0");
			browser.assertAccessible();
		}
		finally {
			workers.start();
		}

		// the page follows the job by itself, then shows the failed line
		new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> browser.isPresent("#failures")
				&& message("console.bulk.state.DONE", language).equals(browser.text("#bulk-state")));
		assertThat(browser.driver().findElement(By.id("bulk-progress")).getDomProperty("value")).isEqualTo("3");
		assertThat(browser.text("#bulk-summary"))
			.isEqualTo(messages.getMessage("console.bulk.summary", new Object[] { 3, 3, 2, 1 }, Locale.forLanguageTag(language)));
		assertThat(browser.text("#line-3")).contains(message("console.bulk.failure.INVALID_RECIPIENT", language));
		browser.assertAccessible();
		assertThat(browser.consoleErrors()).isEmpty();

		browser.clickLink(message("console.bulk.back", language));
		assertThat(browser.texts("#jobs tbody tr").get(0)).contains(message("console.bulk.state.DONE", language));
		browser.assertAccessible();
		Files.deleteIfExists(csv);
		Files.deleteIfExists(pdf);
	}

	/** The bulk workers of this instance, paused so that the progress page first sees the job waiting. */
	private SmartLifecycle workers() {
		return context.getBeansOfType(SmartLifecycle.class)
			.values()
			.stream()
			.filter(bean -> bean.getClass().getSimpleName().startsWith("BulkWorkers"))
			.findFirst()
			.orElseThrow();
	}

	private String message(String code, String language) {
		return messages.getMessage(code, null, Locale.forLanguageTag(language));
	}
}
