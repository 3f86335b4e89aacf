package be.ebox.access;

import be.ebox.testsupport.Mailbox;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.ebox.WebSession;
import be.ebox.audit.AuditRecord;
import be.ebox.audit.AuditTrail;
import be.ebox.identity.Accounts;
import be.ebox.messages.MessageId;
import be.ebox.messages.Messages;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.testsupport.TestEnterprises;
import be.ebox.testsupport.TestMessages;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invite by e-mail (a real SMTP server) → accept with a new login → grant → the protected letter is there for the
 * new user; revoke → gone at the next request of the same open session. Replayed links and the audit trail too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InvitationAndGrantTest {

	static final Pattern LINK = Pattern.compile("https?://\\S+/invitation/([A-Za-z0-9_-]+)");

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

	@Autowired
	AuditTrail audit;

	People people;

	EnterpriseNumber enterprise;

	People.Person main;

	@AfterEach
	void stopMail() {
		mail.close();
	}

	@BeforeEach
	void enterpriseWithItsMainAccessManager() {
		mail = Mailbox.start(environment);
		demo.install("Demo-sender-secret-for-tests-1");
		people = new People(port, jdbc, encoder);
		enterprise = new TestEnterprises(jdbc).legalPerson("Invitations SA", "Uitnodigingen NV");
		main = people.with(enterprise, Role.MAIN_ACCESS_MANAGER);
	}

	static HttpResponse<String> post(WebSession session, String path, String form) {
		session.get("/ebox");
		return session.postForm(path, form);
	}

	String invite(String email, String language) throws Exception {
		var response = post(main.web(), "/ebox/access/" + enterprise.digits() + "/invitations",
				"name=Nora+Nieuw&email=" + WebSession.encode(email) + "&language=" + language);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(main.web().get("/ebox/access/" + enterprise.digits()).body()).contains("access-done").contains(email);
		MimeMessage last = mail.last();
		assertThat(last.getAllRecipients()[0].toString()).isEqualTo(email);
		String body = GreenMailUtil.getBody(last).replace("=\r\n", "");
		Matcher link = LINK.matcher(body);
		assertThat(link.find()).as(body).isTrue();
		return link.group(1);
	}

	@Test
	void invitedPersonCreatesALoginIsGrantedTheProtectedTypeReadsTheLetterAndLosesItWhenRevoked() throws Exception {
		MessageId letter = new TestMessages(jdbc).to(enterprise).type(DemoReferenceData.PROTECTED_TYPE, true).insert();
		MessageId brochure = new TestMessages(jdbc).to(enterprise).type(DemoReferenceData.UNPROTECTED_TYPE, false).insert();
		String token = invite("nora@invited.example", "nl");
		assertThat(mail.last().getSubject())
			.isEqualTo("Uitnodiging voor de e-Box van Uitnodigingen NV");

		var nora = new WebSession(port);
		var page = nora.get("/invitation/" + token);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Uitnodigingen NV").contains("Nora Nieuw");
		var created = nora.postForm("/invitation/" + token + "/create",
				"username=nora&password=" + WebSession.encode(People.PASSWORD) + "&passwordRepeat="
						+ WebSession.encode(People.PASSWORD));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(created.headers().firstValue("Location")).get().asString().endsWith("/ebox?joined");
		var account = accounts.findByUsername("nora").orElseThrow();
		assertThat(account.email()).isEqualTo("nora@invited.example");
		assertThat(nora.get("/ebox").body()).contains("Uitnodigingen NV");

		// a user: the unprotected brochure, not the protected letter
		assertThat(messages.findFor(rights.ofPerson(account.id(), enterprise).orElseThrow(), brochure)).isPresent();
		assertThat(messages.findFor(rights.ofPerson(account.id(), enterprise).orElseThrow(), letter)).isEmpty();

		var granted = post(main.web(), "/ebox/access/" + enterprise.digits() + "/members/" + account.id() + "/grants",
				"type=" + DemoReferenceData.PROTECTED_TYPE + "&until=");
		assertThat(granted.statusCode()).isEqualTo(302);
		assertThat(messages.findFor(rights.ofPerson(account.id(), enterprise).orElseThrow(), letter)).isPresent();
		assertThat(main.web().get("/ebox/access/" + enterprise.digits() + "/readers").body())
			.contains("Name " + main.username()).contains("Nora Nieuw (nora)");

		var revoked = post(main.web(), "/ebox/access/" + enterprise.digits() + "/members/" + account.id() + "/grants/"
				+ DemoReferenceData.PROTECTED_TYPE + "/revoke", "");
		assertThat(revoked.statusCode()).isEqualTo(302);
		// Nora's session is still open: her rights are read again at every request
		assertThat(messages.findFor(rights.ofPerson(account.id(), enterprise).orElseThrow(), letter)).isEmpty();
		assertThat(nora.get("/ebox").statusCode()).isEqualTo(200);

		// the link works once
		assertThat(new WebSession(port).get("/invitation/" + token).statusCode()).isEqualTo(410);
		var replay = new WebSession(port);
		replay.get("/invitation/" + token);
		replay.get("/login");
		assertThat(replay.postForm("/invitation/" + token + "/create", "username=nora2&password="
				+ WebSession.encode(People.PASSWORD) + "&passwordRepeat=" + WebSession.encode(People.PASSWORD))
			.statusCode()).isEqualTo(410);
		assertThat(accounts.findByUsername("nora2")).isEmpty();

		assertThat(audit.recent(enterprise, 50)).extracting(AuditRecord::action)
			.contains("ACCESS_INVITED", "ACCESS_INVITATION_ACCEPTED", "ACCESS_GRANTED", "ACCESS_REVOKED");
		assertThat(main.web().get("/ebox/access/" + enterprise.digits() + "/history").body())
			.contains("Invitation accepted").contains("Grant revoked");
	}

	@Test
	void aPersonWithALoginElsewhereLinksItAfterSigningIn() throws Exception {
		var other = new TestEnterprises(jdbc).legalPerson("Ailleurs SA", "Elders NV");
		var elsewhere = people.with(other, Role.MAIN_ACCESS_MANAGER);
		String token = invite(elsewhere.username() + "@linked.example", "en");

		var signIn = new WebSession(port).get("/invitation/" + token + "/sign-in");
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location")).get().asString().endsWith("/login");

		var page = elsewhere.web().get("/invitation/" + token);
		assertThat(page.body()).contains(elsewhere.username());
		var linked = elsewhere.web().postForm("/invitation/" + token + "/link", "");
		assertThat(linked.statusCode()).isEqualTo(302);
		assertThat(rights.ofPerson(elsewhere.account(), enterprise)).get()
			.extracting(Reader::allProtected).isEqualTo(false);
		assertThat(elsewhere.web().get("/ebox").body()).contains("Ailleurs SA").contains("Invitations SA");

		// replayed by the same person: refused, nothing changes
		elsewhere.web().get("/ebox");
		assertThat(elsewhere.web().postForm("/invitation/" + token + "/link", "").statusCode()).isEqualTo(410);
	}

	@Test
	void expiredAndWithdrawnLinksNoLongerWork() throws Exception {
		String expired = invite("late@invited.example", "fr");
		jdbc.sql("UPDATE access_invitation SET expires_at = expires_at - INTERVAL '30' DAY WHERE email = ?")
			.param("late@invited.example")
			.update();
		assertThat(new WebSession(port).get("/invitation/" + expired).statusCode()).isEqualTo(410);

		String withdrawn = invite("withdrawn@invited.example", "de");
		var id = jdbc.sql("SELECT id FROM access_invitation WHERE email = ?").param("withdrawn@invited.example")
			.query(java.util.UUID.class).single();
		assertThat(post(main.web(), "/ebox/access/" + enterprise.digits() + "/invitations/" + id + "/withdraw", "")
			.statusCode()).isEqualTo(302);
		var page = new WebSession(port).get("/invitation/" + withdrawn);
		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(new WebSession(port).get("/invitation/not-a-real-token").statusCode()).isEqualTo(410);
	}

	@Test
	void aBadAddressIsRefusedWithAMessageAndNothingIsSent() {
		int before = mail.received().length;
		post(main.web(), "/ebox/access/" + enterprise.digits() + "/invitations", "name=X&email=not-an-address&language=en");
		assertThat(main.web().get("/ebox/access/" + enterprise.digits()).body())
			.contains("Enter a valid e-mail address.");
		assertThat(mail.received()).hasSize(before);
	}
}
