package be.ebox.access;

import be.ebox.testsupport.Mailbox;
import java.util.regex.Matcher;

import be.ebox.browser.Browser;
import be.ebox.browser.BrowserTest;
import be.ebox.identity.Account;
import be.ebox.identity.Accounts;
import be.ebox.messages.MessageId;
import be.ebox.messages.Messages;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.testsupport.TestEnterprises;
import be.ebox.testsupport.TestMessages;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: the main access manager invites a person, the person accepts with a new login, is granted the
 * protected type and then reads the protected letter; revoked, it is gone. axe-core checks every access page.
 */
@BrowserTest
class AccessBrowserTest {

	@Autowired
	Environment environment;

	Mailbox mail;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	ReadingRights rights;

	@Autowired
	Messages messages;

	@Autowired
	Accounts accounts;

	@Test
	void inviteAcceptGrantReadRevoke(Browser browser) throws Exception {
		demo.install("Demo-sender-secret-for-tests-1");
		mail = Mailbox.start(environment);
		try {
			flow(browser);
		}
		finally {
			mail.close();
		}
	}

	void flow(Browser browser) throws Exception {
		EnterpriseNumber enterprise = new TestEnterprises(jdbc).legalPerson("Navigateur SA", "Browser NV");
		var main = new People(port, jdbc, encoder).with(enterprise, Role.MAIN_ACCESS_MANAGER);
		MessageId letter = new TestMessages(jdbc).to(enterprise).type(DemoReferenceData.PROTECTED_TYPE, true).insert();

		browser.open("/login?lang=en").fillById("username", main.username()).fillById("password", People.PASSWORD).submit();
		assertThat(browser.currentPath()).isEqualTo("/ebox");
		browser.clickLink("Access management: Navigateur SA");
		assertThat(browser.heading()).isEqualTo("Users");
		browser.assertAccessible();

		browser.fillById("invite-name", "Bea Browser").fillById("invite-email", "bea@browser.example");
		new Select(browser.driver().findElement(By.id("invite-language"))).selectByValue("en");
		browser.clickButton("Send the invitation");
		assertThat(browser.text("#access-done")).isEqualTo("The invitation has been sent.");
		assertThat(browser.text("#invitations")).contains("bea@browser.example");
		browser.assertAccessible();

		String body = GreenMailUtil.getBody(mail.last())
			.replace("=\r\n", "");
		Matcher link = InvitationAndGrantTest.LINK.matcher(body);
		assertThat(link.find()).isTrue();
		String path = "/invitation/" + link.group(1);

		for (String page : new String[] { "/readers", "/mandates", "/clients", "/history" }) {
			browser.open("/ebox/access/" + enterprise.digits() + page);
			browser.assertAccessible();
		}
		browser.clickButton("Sign out");

		browser.open(path);
		assertThat(browser.heading()).isEqualTo("Join an e-Box");
		browser.assertAccessible();
		browser.fillById("username", "bea-browser").fillById("password", People.PASSWORD)
			.fillById("passwordRepeat", People.PASSWORD);
		browser.clickButton("Create my login and join");
		assertThat(browser.currentPath()).startsWith("/ebox");
		assertThat(browser.text("#ebox-list")).contains("Navigateur SA");
		Account bea = accounts.findByUsername("bea-browser").orElseThrow();
		assertThat(messages.findFor(rights.ofPerson(bea.id(), enterprise).orElseThrow(), letter)).isEmpty();
		browser.clickButton("Sign out");

		browser.open("/login?lang=en").fillById("username", main.username()).fillById("password", People.PASSWORD).submit();
		browser.open("/ebox/access/" + enterprise.digits());
		browser.clickLink("Bea Browser");
		browser.assertAccessible();
		new Select(browser.driver().findElement(By.id("grant-type"))).selectByValue(DemoReferenceData.PROTECTED_TYPE);
		browser.clickButton("Grant");
		assertThat(browser.text("#access-done")).isEqualTo("The message type has been granted.");
		assertThat(messages.findFor(rights.ofPerson(bea.id(), enterprise).orElseThrow(), letter)).isPresent();
		browser.open("/ebox/access/" + enterprise.digits() + "/readers");
		assertThat(browser.text("#type-" + DemoReferenceData.PROTECTED_TYPE + " ul.readers")).contains("Bea Browser (bea-browser)");

		browser.open("/ebox/access/" + enterprise.digits() + "/members/" + bea.id());
		browser.clickButton("Revoke");
		assertThat(browser.text("#access-done")).isEqualTo("The grant has been revoked.");
		assertThat(messages.findFor(rights.ofPerson(bea.id(), enterprise).orElseThrow(), letter)).isEmpty();
		browser.open("/ebox/access/" + enterprise.digits() + "/readers");
		assertThat(browser.text("#type-" + DemoReferenceData.PROTECTED_TYPE + " ul.readers")).doesNotContain("Bea Browser");
		browser.assertAccessible();

		// the link was used: it no longer works
		browser.clickButton("Sign out");
		browser.open(path);
		assertThat(browser.heading()).isEqualTo("This invitation link no longer works");
		browser.assertAccessible();
	}
}
