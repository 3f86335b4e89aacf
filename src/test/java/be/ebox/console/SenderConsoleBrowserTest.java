package be.ebox.console;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member of the employment service in a real browser, in each language: signs in, composes a message with a
 * refusal first, publishes it with a PDF, finds it in the sent messages and its evidence, looks at the chart. axe-core
 * checks every page.
 */
@BrowserTest
class SenderConsoleBrowserTest {

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

	@ParameterizedTest
	@ValueSource(strings = { "nl", "fr", "de", "en" })
	void composesPublishesAndFollowsAMessage(String language, Browser browser) throws Exception {
		demo.install("console-browser-secret");
		EnterpriseNumber recipient = new TestEnterprises(jdbc).legalPerson("Lecteur SA", "Lezer NV");
		String username = "fod-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "Correct horse battery staple " + UUID.randomUUID();
		AccountId account = accounts.createPending(username, "Staff " + username, username + "@example.invalid", language);
		accounts.choosePassword(account, password);
		staff.assign(account, EnterpriseNumber.parse(DemoReferenceData.ORGANISATION), "test");

		browser.open("/login?lang=" + language);
		browser.signIn(username, password);
		browser.open("/console?lang=" + language);
		assertThat(browser.heading()).isEqualTo(message("console.title", language));
		assertThat(browser.text("#console-organisation")).contains("0308.357.159");
		assertThat(browser.isPresent("#nav-console")).isTrue();
		browser.assertAccessible();

		browser.clickLink(message("console.compose.title", language));
		assertThat(browser.currentPath()).startsWith("/console/compose");
		browser.assertAccessible();

		// a number that fails its check digits first
		browser.fillById("recipient", "0123.456.789").fillById("subjectNl", "Verkiezingsbrief").fillById("bodyNl", "Tekst");
		browser.submit();
		assertThat(browser.text("#recipient-error")).isEqualTo(message("console.compose.recipient.invalid", language));
		assertThat(browser.isPresent("#error-summary")).isTrue();
		browser.assertAccessible();

		Path pdf = Files.createTempFile("brief", ".pdf");
		Files.write(pdf, SenderConsoleTest.PDF);
		String subject = "Verkiezingsbrief " + language + " " + UUID.randomUUID().toString().substring(0, 6);
		browser.fillById("recipient", recipient.formatted()).fillById("subjectNl", subject);
		new Select(browser.driver().findElement(By.id("messageType"))).selectByValue(DemoReferenceData.PROTECTED_TYPE);
		browser.driver().findElement(By.id("documents")).sendKeys(pdf.toString());
		browser.submit();

		assertThat(browser.currentPath()).startsWith("/console/messages/").endsWith("?published");
		assertThat(browser.heading()).isEqualTo(subject);
		assertThat(browser.text("#published-notice")).isEqualTo(message("console.published", language));
		assertThat(browser.text("#detail-status")).isEqualTo(message("console.status.UNREAD", language));
		assertThat(browser.texts("#timeline tbody tr").get(0)).contains(message("console.event.PUBLISHED", language));
		assertThat(browser.text("#documents")).contains(pdf.getFileName().toString());
		browser.assertAccessible();

		browser.clickLink(message("console.back.messages", language));
		assertThat(browser.text("#messages")).contains(subject).contains(recipient.formatted());
		browser.assertAccessible();

		browser.open("/console/reads?lang=" + language);
		assertThat(browser.isPresent("#reads-chart polyline")).isTrue();
		browser.assertAccessible();
		assertThat(browser.consoleErrors()).isEmpty();
		Files.deleteIfExists(pdf);
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "fr", "de", "en" })
	void theOperatorAssignsAPersonToASenderOrganisation(String language, Browser browser) {
		demo.install("console-browser-secret");
		String person = "staff-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.choosePassword(accounts.createPending(person, "Staff " + person, person + "@example.invalid", language),
				"Correct horse battery staple " + UUID.randomUUID());
		String username = "operator-console-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "Operator-" + UUID.randomUUID();
		accounts.choosePassword(accounts.createPending(username, "Operator", username + "@example.invalid", language),
				password);
		jdbc.sql("UPDATE identity_account SET operator = TRUE WHERE username = ?").param(username).update();

		browser.open("/login?lang=" + language);
		browser.signIn(username, password);
		browser.open("/operator?lang=" + language);
		browser.clickLink(message("operator.staff", language));
		assertThat(browser.heading()).isEqualTo(message("console.staff.title", language));
		browser.assertAccessible();

		browser.fillById("username", "nobody-" + UUID.randomUUID());
		browser.clickButton(message("console.staff.assign", language));
		assertThat(browser.text("#staff-error")).isEqualTo(message("console.staff.error.unknownAccount", language));
		browser.assertAccessible();

		browser.fillById("username", person);
		new Select(browser.driver().findElement(By.id("organisation"))).selectByValue(DemoReferenceData.ORGANISATION);
		browser.clickButton(message("console.staff.assign", language));
		assertThat(browser.text("#staff-" + person)).contains("0308.357.159");
		browser.assertAccessible();
	}

	private String message(String code, String language) {
		return messages.getMessage(code, null, Locale.forLanguageTag(language));
	}
}
