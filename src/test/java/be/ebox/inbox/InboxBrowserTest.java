package be.ebox.inbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import be.ebox.access.Role;
import be.ebox.browser.Browser;
import be.ebox.browser.BrowserTest;
import be.ebox.browser.Downloads;
import be.ebox.documents.BlobStore;
import be.ebox.messages.MessageId;
import be.ebox.messages.Publications;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.testsupport.TestEnterprises;
import be.ebox.testsupport.TestPeople;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox in a real Chromium: the whole path of a reader (home, filtered inbox, search, message, PDF, hide, unhide,
 * task, acknowledgement), axe-core on every page in the four languages, the keyboard alone, a phone-sized screen, and
 * hostile content that must stay text.
 */
@BrowserTest
class InboxBrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	Publications publications;

	@Autowired
	BlobStore blobs;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	MessageSource messages;

	EnterpriseNumber ebox;

	InboxTestData data;

	String tag = UUID.randomUUID().toString().substring(0, 6);

	/** An e-Box with a letter (PDF main content), a task, a message to acknowledge, and a person managing it. */
	TestPeople.Person setUp(Browser browser, String language) {
		demo.install("inbox-browser-secret");
		ebox = new TestEnterprises(jdbc).legalPerson("Navigateur Boîte SA", "Browser Bus NV");
		data = new InboxTestData(publications, blobs);
		var people = new TestPeople(jdbc, encoder);
		var person = people.account(language);
		people.join(person, ebox, Role.MAIN_ACCESS_MANAGER);
		browser.open("/login?lang=" + language);
		browser.signIn(person.username(), person.password());
		return person;
	}

	MessageId letter() {
		return data.to(ebox).type(DemoReferenceData.PROTECTED_TYPE)
			.content("nl", "Verkiezingsbrief " + tag, "Zie de brief in bijlage.")
			.content("fr", "Lettre électorale " + tag, "Voir la lettre en annexe.")
			.businessData("dossierNumber", "D-2026-" + tag)
			.document("brief.pdf", InboxTestData.PDF)
			.publish();
	}

	MessageId task() {
		return data.to(ebox).task(LocalDate.now().plusDays(5))
			.content("nl", "Bevestig fase " + tag, "Bevestig de aanplakking.")
			.content("fr", "Confirmez la phase " + tag, "Confirmez l'affichage.")
			.content("de", "Bestätigen Sie die Phase " + tag, "Bestätigen Sie den Aushang.")
			.content("en", "Confirm the phase " + tag, "Confirm the notice.")
			.publish();
	}

	MessageId toAcknowledge() {
		return data.to(ebox).content("nl", "Ontvangst bevestigen " + tag, "Bevestig de ontvangst a.u.b.")
			.acknowledgementRequired()
			.repliesAllowed()
			.publish();
	}

	@Test
	void aReaderFindsReadsHidesAndDoesWhatIsAsked(Browser browser) throws Exception {
		setUp(browser, "en");
		MessageId letter = letter();
		MessageId task = task();
		MessageId ack = toAcknowledge();

		browser.open("/ebox");
		assertThat(browser.text("#count-unread")).startsWith("3");
		browser.clickFirst("#count-unread a");
		assertThat(browser.currentPath()).contains("/messages?read=no");
		assertThat(browser.texts("#inbox-list > li")).hasSize(3);
		assertThat(browser.isPresent("#message-" + letter + " .badge--unread")).isTrue();

		browser.fillById("q", "verkiezingsbrief").submit();
		assertThat(browser.currentPath()).contains("q=verkiezingsbrief").contains("read=no");
		assertThat(browser.heading()).isEqualTo("Search results");
		assertThat(browser.texts("#inbox-list > li")).singleElement().asString().contains("Verkiezingsbrief " + tag);

		browser.clickLink("Verkiezingsbrief " + tag);
		assertThat(browser.heading()).isEqualTo("Verkiezingsbrief " + tag);
		assertThat(browser.text("#language-marker")).contains("Dutch");
		assertThat(browser.text("#business-data")).contains("D-2026-" + tag);
		assertThat(browser.text("#detail-state")).isEqualTo("Not read yet");
		assertThat(browser.text("#detail-expires")).contains("expires in");
		String pdfLink = browser.driver().findElement(By.cssSelector("#document-1 a")).getAttribute("href");
		assertThat(Downloads.download(browser, pdfLink).body()).isEqualTo(InboxTestData.PDF);
		browser.open("/ebox/" + ebox.digits() + "/messages/" + letter);
		assertThat(browser.text("#detail-state")).startsWith("Read on");
		assertThat(browser.texts("#timeline tbody tr")).anySatisfy(row -> assertThat(row).contains("Document downloaded").contains("You"));

		browser.clickButton("Hide");
		assertThat(browser.text("#changed")).contains("hidden");
		browser.clickLink("Messages");
		assertThat(browser.isPresent("#message-" + letter)).isFalse();
		browser.driver().findElement(By.cssSelector("#filters > summary")).click();
		new Select(browser.driver().findElement(By.id("hidden"))).selectByValue("yes");
		browser.submit();
		assertThat(browser.currentPath()).contains("hidden=yes");
		assertThat(browser.isPresent("#message-" + letter)).isTrue();
		browser.clickLink("Verkiezingsbrief " + tag);
		browser.clickButton("Unhide");
		assertThat(browser.text("#changed")).isEqualTo("The message is back in the inbox.");
		browser.clickLink("Messages");
		assertThat(browser.isPresent("#message-" + letter)).isTrue();

		browser.open("/ebox/" + ebox.digits() + "/messages?task=open");
		browser.clickLink("Confirm the phase " + tag);
		assertThat(browser.isPresent("#language-marker")).isFalse();
		browser.clickButton("Mark the task done");
		assertThat(browser.text("#detail-task")).contains("Task done");
		browser.clickButton("Reopen the task");
		assertThat(browser.text("#detail-task")).contains("Open tasks");

		browser.open("/ebox/" + ebox.digits() + "/messages/" + ack);
		assertThat(browser.text("#detail-acknowledgement")).isEqualTo("Acknowledgement requested");
		browser.clickButton("Acknowledge receipt");
		assertThat(browser.text("#detail-acknowledgement")).isEqualTo("Acknowledged");
		assertThat(browser.isPresent("#action-acknowledge")).isFalse();
		browser.fillById("reply-text", "Received, thank you " + tag).clickButton("Send the reply");
		assertThat(browser.text("#replies")).contains("Received, thank you " + tag);
		assertThat(browser.consoleErrors()).isEmpty();
		assertThat(task).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "fr", "de", "en" })
	void everyPageIsAccessible(String language, Browser browser) {
		setUp(browser, language);
		MessageId letter = letter();
		task();
		toAcknowledge();

		browser.open("/ebox");
		assertThat(browser.language()).isEqualTo(language);
		assertThat(browser.text("#count-unread")).contains(message("inbox.home.unread", language));
		browser.assertAccessible();
		browser.open("/ebox/" + ebox.digits());
		assertThat(browser.text("#open-ebox-name")).isNotBlank();
		browser.assertAccessible();
		browser.clickLink(message("inbox.nav.messages", language));
		assertThat(browser.texts("#inbox-list > li")).hasSize(3);
		browser.assertAccessible();
		browser.fillById("q", tag).submit();
		assertThat(browser.heading()).isEqualTo(message("inbox.search.title", language));
		browser.assertAccessible();
		browser.open("/ebox/" + ebox.digits() + "/messages?from=nonsense");
		assertThat(browser.isPresent("#from-error")).isTrue();
		browser.assertAccessible();
		browser.open("/ebox/" + ebox.digits() + "/messages/" + letter);
		assertThat(browser.isPresent("#document-1")).isTrue();
		browser.assertAccessible();
		browser.open("/ebox/" + ebox.digits() + "/messages?task=open");
		browser.clickFirst("#inbox-list a");
		assertThat(browser.isPresent("#action-done")).isTrue();
		browser.assertAccessible();
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void theKeyboardAloneReachesAndOpensAMessageAndADocument(Browser browser) {
		setUp(browser, "en");
		MessageId letter = letter();
		browser.open("/ebox/" + ebox.digits() + "/messages");
		tabTo(browser, "Verkiezingsbrief " + tag);
		browser.press(Keys.ENTER);
		// the address changes before the new page has loaded: wait for both
		waitUntil(() -> browser.currentPath().endsWith("/messages/" + letter)
				&& "complete".equals(browser.script("return document.readyState;")));
		assertThat(browser.heading()).isEqualTo("Verkiezingsbrief " + tag);
		tabTo(browser, "Open: brief.pdf");
		browser.press(Keys.ENTER);
		waitUntil(() -> jdbc.sql("SELECT COUNT(*) FROM message_evidence WHERE message_id = ? AND event = 'DOWNLOADED'")
			.param(letter.value()).query(Integer.class).single() == 1);
	}

	@Test
	void onAPhoneNothingScrollsSideways(Browser browser) throws Exception {
		setUp(browser, "fr");
		MessageId letter = letter();
		data.to(ebox).content("fr", "Unmotsanscoupurequinefinitjamais".repeat(4) + tag, "Texte").publish();
		browser.viewport(375, 812);
		for (String page : new String[] { "/ebox", "/ebox/" + ebox.digits() + "/messages",
				"/ebox/" + ebox.digits() + "/messages/" + letter }) {
			browser.open(page);
			assertThat(browser.scrollsHorizontally()).as(page).isFalse();
		}
		browser.open("/ebox/" + ebox.digits() + "/messages");
		Path shot = Path.of("target", "inbox-375px.png");
		Files.createDirectories(shot.getParent());
		Files.write(shot, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
		assertThat(Files.size(shot)).isPositive();
	}

	@Test
	void hostileContentStaysText(Browser browser) {
		setUp(browser, "en");
		String payload = InboxTestData.HOSTILE;
		MessageId id = data.to(ebox).type(DemoReferenceData.PROTECTED_TYPE)
			.content("en", payload + tag, payload + "<iframe src=\"javascript:window.__pwned=1\"></iframe>")
			.businessData("dossierNumber", payload)
			.document("letter.pdf", InboxTestData.PDF)
			.publish();
		jdbc.sql("UPDATE message_attachment SET file_name = ? WHERE message_id = ?")
			.params("<img src=x onerror=window.__pwned=1>.pdf", id.value())
			.update();
		browser.open("/ebox/" + ebox.digits() + "/messages");
		assertThat(browser.text("#message-" + id + " .inbox-item__subject")).contains("<script>window.__pwned=1</script>");
		assertThat(browser.script("return window.__pwned === undefined")).isEqualTo(true);
		assertThat(browser.driver().findElements(By.cssSelector("#inbox-list script, #inbox-list img[src='x']"))).isEmpty();

		browser.open("/ebox/" + ebox.digits() + "/messages/" + id);
		assertThat(browser.heading()).startsWith("<script>");
		assertThat(browser.text("#message-body")).contains("<iframe");
		assertThat(browser.text("#business-data")).contains("onerror");
		assertThat(browser.text("#documents")).contains("<img src=x");
		assertThat(browser.driver().findElements(By.cssSelector("main script, main iframe, main img[src='x']"))).isEmpty();
		assertThat(browser.script("return window.__pwned === undefined")).isEqualTo(true);
	}

	private static void tabTo(Browser browser, String text) {
		for (int i = 0; i < 120; i++) {
			browser.tab();
			if (text.equals(browser.focused().getText().strip())) {
				return;
			}
		}
		throw new AssertionError("the keyboard never reached " + text);
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) {
		long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > end) {
				throw new AssertionError("timed out");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	private String message(String key, String language) {
		return messages.getMessage(key, null, Locale.forLanguageTag(language));
	}
}
