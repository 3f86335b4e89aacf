package be.ebox.inbox;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import be.ebox.WebSession;
import be.ebox.access.Role;
import be.ebox.console.SenderStaff;
import be.ebox.documents.BlobStore;
import be.ebox.messages.MessageId;
import be.ebox.messages.Publications;
import be.ebox.messages.Replies;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.testsupport.TestEnterprises;
import be.ebox.testsupport.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox pages over HTTP as their users and an intruder use them: what a person may not read is absent from every
 * list, count and search and a 404 on every link; documents never run in our origin; filters live in the URL and bad
 * ones are explained; a reply reaches the sender's console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboxPagesTest {

	@LocalServerPort
	int port;

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
	SenderStaff staff;

	@Autowired
	org.springframework.context.MessageSource messages;

	@Autowired
	Replies replies;

	TestPeople people;

	InboxTestData data;

	EnterpriseNumber ebox;

	String tag;

	@BeforeEach
	void setUp() {
		demo.install("inbox-pages-secret");
		people = new TestPeople(jdbc, encoder);
		data = new InboxTestData(publications, blobs);
		ebox = new TestEnterprises(jdbc).legalPerson("Boîte SA", "Bus NV");
		tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aProtectedMessageIsAbsentForAUserWithoutGrantAndPresentForAManager() {
		MessageId open = data.to(ebox).content("en", "Open letter " + tag, "For everyone").publish();
		MessageId secret = data.to(ebox).type(DemoReferenceData.PROTECTED_TYPE)
			.content("en", "Secret payslip " + tag, "For the happy few")
			.document("payslip.pdf", InboxTestData.PDF)
			.publish();
		var userPerson = people.with(ebox, Role.USER);
		WebSession user = people.signIn(port, userPerson);
		String messages = "/ebox/" + ebox.digits() + "/messages";

		String list = user.get(messages).body();
		assertThat(list).contains("Open letter " + tag).doesNotContain("Secret payslip");
		assertThat(count(user.get("/ebox/" + ebox.digits()).body(), "unread")).isEqualTo(1);
		assertThat(user.get(messages + "?q=payslip").body()).doesNotContain("Secret payslip").contains("id=\"inbox-list-empty\"");
		assertThat(user.get(messages + "?hidden=all&type=" + DemoReferenceData.PROTECTED_TYPE).body())
			.doesNotContain("Secret payslip");
		assertThat(user.get(messages + "/" + secret).statusCode()).isEqualTo(404);
		assertThat(user.get(messages + "/" + secret + "/documents/1").statusCode()).isEqualTo(404);
		user.get(messages + "/" + open);
		assertThat(user.postForm(messages + "/" + secret + "/hide", "").statusCode()).isEqualTo(404);
		assertThat(user.postForm(messages + "/" + secret + "/reply", "text=hello").statusCode()).isEqualTo(404);
		assertThat(hidden(secret)).as("nothing changed").isFalse();
		assertThat(evidenceCount(secret)).isZero();

		people.grant(userPerson, ebox, DemoReferenceData.PROTECTED_TYPE);
		assertThat(user.get(messages).body()).contains("Secret payslip " + tag);
		assertThat(user.get(messages + "/" + secret).statusCode()).isEqualTo(200);

		WebSession manager = people.signIn(port, people.with(ebox, Role.ACCESS_MANAGER));
		assertThat(manager.get(messages + "?q=payslip").body()).contains("Secret payslip " + tag);
		assertThat(count(manager.get("/ebox/" + ebox.digits()).body(), "unread")).isEqualTo(1);
	}

	@Test
	void anotherEnterprisesEboxDoesNotExistForThePerson() {
		EnterpriseNumber other = new TestEnterprises(jdbc).legalPerson("Autre SA", "Ander NV");
		MessageId theirs = data.to(other).content("en", "Their letter " + tag, "Not yours").publish();
		WebSession user = people.signIn(port, people.with(ebox, Role.MAIN_ACCESS_MANAGER));
		assertThat(user.get("/ebox/" + other.digits()).statusCode()).isEqualTo(404);
		assertThat(user.get("/ebox/" + other.digits() + "/messages").statusCode()).isEqualTo(404);
		assertThat(user.get("/ebox/" + other.digits() + "/messages/" + theirs).statusCode()).isEqualTo(404);
		assertThat(user.get("/ebox/" + ebox.digits() + "/messages/" + theirs).statusCode()).as("not in this e-Box").isEqualTo(404);
		assertThat(user.get("/ebox/" + ebox.digits() + "/messages/not-a-uuid").statusCode()).isEqualTo(404);
		assertThat(user.get("/ebox/0123456789/messages").statusCode()).as("bad check digits").isEqualTo(404);
	}

	@Test
	void documentsAreServedSoThatNoBrowserRunsThemInOurOrigin() {
		MessageId id = data.to(ebox).content("en", "Letter with documents " + tag, null)
			.document("letter.pdf", InboxTestData.PDF)
			.document("page.html", InboxTestData.HTML)
			.publish();
		WebSession manager = people.signIn(port, people.with(ebox, Role.MAIN_ACCESS_MANAGER));
		String page = "/ebox/" + ebox.digits() + "/messages/" + id;
		assertThat(manager.get(page).body()).contains("letter.pdf").contains("page.html");
		assertThat(read(id)).as("the main content is the PDF, not yet opened").isFalse();

		var pdf = bytes(manager, page + "/documents/1");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
		assertThat(pdf.headers().firstValue("Content-Disposition")).get().asString().startsWith("inline").contains("letter.pdf");
		assertThat(pdf.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(pdf.headers().allValues("Content-Security-Policy")).hasSize(1).first().asString().startsWith("sandbox");
		assertThat(pdf.body()).isEqualTo(new String(InboxTestData.PDF, java.nio.charset.StandardCharsets.US_ASCII));
		assertThat(read(id)).as("opening the main document marks it read").isTrue();

		var html = bytes(manager, page + "/documents/2");
		assertThat(html.headers().firstValue("Content-Type")).contains("application/octet-stream");
		assertThat(html.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment").contains("page.html");
		assertThat(html.headers().firstValue("Content-Security-Policy")).get().asString().startsWith("sandbox");
		assertThat(html.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(bytes(manager, page + "/documents/3").statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM message_evidence WHERE message_id = ? AND event = 'DOWNLOADED'")
			.param(id.value()).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void filtersLiveInTheUrlAndABadOneIsExplainedNeverA500() {
		data.to(ebox).content("en", "Plain note " + tag, "Nothing to do").publish();
		data.to(ebox).task(LocalDate.now().plusDays(3)).content("en", "Confirm the phase " + tag, "Please").publish();
		data.to(ebox).content("en", "Sign for receipt " + tag, "Please acknowledge").acknowledgementRequired().publish();
		data.to(ebox).content("fr", "Élection du café " + tag, "Texte en français").publish();
		WebSession manager = people.signIn(port, people.with(ebox, Role.ACCESS_MANAGER));
		String messages = "/ebox/" + ebox.digits() + "/messages";

		assertThat(subjects(manager.get(messages + "?task=open").body())).containsExactly("Confirm the phase " + tag);
		assertThat(subjects(manager.get(messages + "?ack=pending").body())).containsExactly("Sign for receipt " + tag);
		assertThat(subjects(manager.get(messages + "?q=ELECTION+cafe").body())).as("case and accents do not matter")
			.containsExactly("Élection du café " + tag);
		assertThat(subjects(manager.get(messages + "?q=cafe&qlang=nl").body())).as("not in Dutch").isEmpty();
		assertThat(subjects(manager.get(messages + "?q=cafe&qlang=fr&read=no").body())).hasSize(1);
		assertThat(count(manager.get("/ebox/" + ebox.digits()).body(), "tasks")).isEqualTo(1);
		assertThat(count(manager.get("/ebox/" + ebox.digits()).body(), "acknowledgement")).isEqualTo(1);

		var bad = manager.get(messages + "?from=yesterday&sender=12&page=x&lang=en");
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("Enter a date as yyyy-mm-dd.").contains("This sender is unknown.")
			.contains("value=\"yesterday\"");
		assertThat(subjects(bad.body())).hasSize(4);
		assertThat(manager.get(messages + "?page=999").statusCode()).isEqualTo(200);
	}

	@Test
	void aReplyReachesTheSendersConsole() {
		MessageId id = data.to(ebox).content("en", "Questions welcome " + tag, "Reply if needed").repliesAllowed().publish();
		MessageId closed = data.to(ebox).content("en", "No replies " + tag, "Do not reply").publish();
		WebSession user = people.signIn(port, people.with(ebox, Role.USER));
		String page = "/ebox/" + ebox.digits() + "/messages/" + id;
		assertThat(user.get(page).body()).contains("id=\"reply-form\"");
		var blank = user.postForm(page + "/reply", "text=+++");
		assertThat(blank.statusCode()).isEqualTo(200);
		assertThat(blank.body()).contains("id=\"reply-error\"");
		var sent = user.postForm(page + "/reply", "text=" + WebSession.encode("<b>Thanks</b> " + tag));
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(user.get(page + "?changed=reply").body()).contains("&lt;b&gt;Thanks&lt;/b&gt; " + tag);
		user.get("/ebox/" + ebox.digits() + "/messages/" + closed);
		assertThat(user.postForm("/ebox/" + ebox.digits() + "/messages/" + closed + "/reply", "text=hi").statusCode())
			.isEqualTo(404);

		EnterpriseNumber organisation = EnterpriseNumber.parse(DemoReferenceData.ORGANISATION);
		assertThat(replies.toSender(organisation, id)).singleElement()
			.satisfies(r -> assertThat(r.text()).isEqualTo("<b>Thanks</b> " + tag))
			.satisfies(r -> assertThat(r.actorEnterprise()).isEqualTo(ebox));
		assertThat(replies.toSender(new TestEnterprises(jdbc).legalPerson("X SA", "X NV"), id)).isEmpty();
		var member = people.account("en");
		staff.assign(member.account(), organisation, "test");
		String console = people.signIn(port, member).get("/console/messages/" + id).body();
		assertThat(console).contains("id=\"replies\"").contains("&lt;b&gt;Thanks&lt;/b&gt; " + tag);
	}

	@Test
	void theHomeKeepsThePickerAndAccessManagementAndShowsWhichEboxIsOpen() {
		EnterpriseNumber second = new TestEnterprises(jdbc).legalPerson("Seconde SA", "Tweede NV");
		var person = people.with(ebox, Role.ACCESS_MANAGER);
		people.join(person, second, Role.USER);
		WebSession web = people.signIn(port, person);
		String home = web.get("/ebox?lang=en").body();
		assertThat(home).contains("id=\"ebox-" + ebox.digits() + "\"").contains("id=\"ebox-" + second.digits() + "\"")
			.contains("href=\"/ebox/access/" + ebox.digits() + "\"")
			.doesNotContain("href=\"/ebox/access/" + second.digits() + "\"")
			.contains("href=\"/ebox/" + second.digits() + "\"");
		String opened = web.get("/ebox/" + second.digits()).body();
		assertThat(opened).contains("id=\"open-ebox\"").contains("Seconde SA").contains("id=\"nav-switch\"")
			.doesNotContain("/ebox/access/" + second.digits());
	}

	@Test
	void theBannerNamesTheOpenEboxInTheReadersLanguageAndOffersASwitchOnlyWhenThereIsAnother() {
		WebSession web = people.signIn(port, people.with(ebox, Role.USER));
		String dutch = web.get("/ebox/" + ebox.digits() + "/messages?lang=nl").body();
		assertThat(dutch).contains("id=\"open-ebox-name\">Bus NV<").doesNotContain("id=\"nav-switch\"")
			.doesNotContain("/ebox/access/" + ebox.digits());
		// no English name in the registry: the first one it has (French)
		assertThat(web.get("/ebox/" + ebox.digits() + "/messages?lang=en").body()).contains("id=\"open-ebox-name\">Boîte SA<");
	}

	@Test
	void theSendersLogoIsShownAndServedAsAnImageOnly() throws Exception {
		var image = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", image);
		var logo = blobs.store(new java.io.ByteArrayInputStream(image.toByteArray()));
		jdbc.sql("UPDATE sender_organisation SET logo_sha256 = ?, logo_media_type = ?, logo_size = ? WHERE enterprise_number = ?")
			.params(logo.sha256(), "image/png", logo.size(), DemoReferenceData.ORGANISATION)
			.update();
		data.to(ebox).content("en", "With a logo " + tag, "Text").publish();
		WebSession user = people.signIn(port, people.with(ebox, Role.USER));
		String path = "/ebox/senders/" + DemoReferenceData.ORGANISATION + "/logo";
		assertThat(user.get("/ebox/" + ebox.digits() + "/messages").body()).contains("src=\"" + path + "\"");
		var served = user.send(HttpRequest.newBuilder(URI.create(user.base() + path)).build());
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).contains("image/png");
		assertThat(served.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(user.get("/ebox/senders/0123456749/logo").statusCode()).as("no such sender").isEqualTo(404);
	}

	@Test
	void eachLineSaysInTheReadersLanguageWhenItCameWhenItExpiresAndWhatIsAsked() {
		LocalDate due = LocalDate.now(java.time.ZoneId.of("Europe/Brussels")).plusDays(3);
		MessageId id = data.to(ebox).task(due).acknowledgementRequired().content("fr", "Tâche " + tag, "Texte").publish();
		java.time.Instant expires = jdbc.sql("SELECT expires_at FROM message WHERE id = ?").param(id.value())
			.query(java.sql.Timestamp.class).single().toInstant();
		long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(java.time.ZoneId.of("Europe/Brussels")),
				expires.atZone(java.time.ZoneId.of("Europe/Brussels")).toLocalDate());
		// a task type is protected: a manager reads it without a grant
		WebSession user = people.signIn(port, people.with(ebox, Role.ACCESS_MANAGER));
		for (String language : java.util.List.of("nl", "fr", "de", "en")) {
			var locale = Locale.forLanguageTag(language);
			String html = user.get("/ebox/" + ebox.digits() + "/messages?lang=" + language).body();
			int start = html.lastIndexOf("<li", html.indexOf("id=\"message-" + id + "\""));
			assertThat(start).as(language).isPositive();
			String line = org.springframework.web.util.HtmlUtils.htmlUnescape(html.substring(start, html.indexOf("</li>", start)));
			String day = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
				.withLocale(locale).format(due);
			assertThat(line).as(language)
				.contains(">" + messages.getMessage("inbox.list.unread", null, locale) + "<")
				.contains(">" + messages.getMessage("inbox.task.due", new Object[] { day }, locale) + "<")
				.contains(">" + messages.getMessage("inbox.ack.pending", null, locale) + "<")
				.contains(">" + messages.getMessage("inbox.expires.days", new Object[] { days }, locale) + "<")
				.contains(messages.getMessage("inbox.list.received", new Object[] { "" }, locale))
				.contains("lang=\"fr\">Tâche " + tag + "<")
				.contains("class=\"inbox-item is-unread\"");
		}
	}

	private static final Pattern SUBJECT = Pattern.compile("<a href=\"/ebox/\\d{10}/messages/[0-9a-f-]{36}\" lang=\"[a-z]{2}\">([^<]*)</a>");

	private static java.util.List<String> subjects(String html) {
		var subjects = new java.util.ArrayList<String>();
		var matcher = SUBJECT.matcher(html);
		while (matcher.find()) {
			subjects.add(org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(1)));
		}
		return subjects;
	}

	private static long count(String html, String id) {
		var matcher = Pattern.compile("id=\"count-" + id + "\">\\s*<a[^>]*>\\s*<span class=\"inbox-summary__count\">([0-9.,\\s\u00a0\u202f]+)</span>")
			.matcher(html);
		assertThat(matcher.find()).as("count " + id + " on the home").isTrue();
		return Long.parseLong(matcher.group(1).replaceAll("[^0-9]", ""));
	}

	/** The documents used here are ASCII or UTF-8, so their text is their bytes. */
	private static HttpResponse<String> bytes(WebSession session, String path) {
		return session.send(HttpRequest.newBuilder(URI.create(session.base() + path)).build());
	}

	private boolean read(MessageId id) {
		return jdbc.sql("SELECT first_read_at IS NOT NULL FROM message WHERE id = ?").param(id.value()).query(Boolean.class).single();
	}

	private boolean hidden(MessageId id) {
		return jdbc.sql("SELECT hidden FROM message WHERE id = ?").param(id.value()).query(Boolean.class).single();
	}

	private int evidenceCount(MessageId id) {
		return jdbc.sql("SELECT COUNT(*) FROM message_evidence WHERE message_id = ?").param(id.value()).query(Integer.class).single();
	}
}
