package be.ebox.elections.internal;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import be.ebox.WebSession;
import be.ebox.documents.BlobStore;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.testsupport.TestEnterprises;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static be.ebox.elections.internal.ElectionsDatabaseTest.HEADER;
import static be.ebox.elections.internal.ElectionsDatabaseTest.in;
import static be.ebox.elections.internal.ElectionsDatabaseTest.line;
import static org.assertj.core.api.Assertions.assertThat;

/** The web application over HTTP: its own login, the calendar, confirming, uploading, signing out, lost codes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebApplicationTest {

	@LocalServerPort
	int port;

	@Autowired
	ElectionsImport imports;

	@Autowired
	CodesCampaign codes;

	@Autowired
	Dossiers dossiers;

	@Autowired
	BlobStore blobs;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	@Autowired
	be.ebox.messages.BulkPublications bulk;

	EnterpriseNumber enterprise;

	@BeforeEach
	void dossiers() throws Exception {
		demo.install("elections-test-secret");
		enterprise = new TestEnterprises(jdbc).legalPerson("Appli SA", "Appli NV");
		assertThat(imports.importCsv(in(HEADER + line(enterprise, "Appli NV", "nl", "T1", "Gent", "OR", "2016-05-16")
				+ line(enterprise, "Appli NV", "nl", "T1", "Gent", "CPBW", "2016-05-16"))).accepted()).isTrue();
		ElectionsDatabaseTest.awaitDone(campaigns, bulk, codes.start("test").get(0));
	}

	@Test
	void signInConfirmUploadSignOut() throws Exception {
		Dossier dossier = dossiers.ofEnterprise(enterprise).get(0);
		String password = Letters.password(blobs, dossier);
		var web = new WebSession(port);
		assertThat(web.get("/elections/app").headers().firstValue("Location")).hasValueSatisfying(
				l -> assertThat(l).endsWith("/elections/app/login"));
		assertThat(web.get("/elections/app/login").body()).contains("Aanmelden met de codes van uw dossier", "lang=\"nl\"")
			.doesNotContain(password);
		assertThat(web.postForm("/elections/app/login", "dossier=" + dossier.number() + "&password=WRONG")
			.headers()
			.firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/elections/app/login?error"));
		web.get("/elections/app/login");
		// typed from the letter: lower case and spaces are fine
		var signIn = web.postForm("/elections/app/login", "dossier=" + dossier.number() + "&password="
				+ WebSession.encode(password.toLowerCase(java.util.Locale.ROOT).replace('-', ' ')));
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/elections/app"));

		var calendar = web.get("/elections/app?lang=en");
		assertThat(calendar.statusCode()).isEqualTo(200);
		// Y = 16 May 2016: X = 16 February, X-60 = 18 December 2015
		assertThat(calendar.body()).contains(dossier.number(), "18/12/2015", "16/02/2016", "First notice",
				"Works council");
		assertThat(web.postForm("/elections/app/confirm", "phase=X-60").statusCode()).isEqualTo(302);
		web.get("/elections/app");
		web.postForm("/elections/app/confirm", "phase=NOPE");
		assertThat(dossiers.confirmed(dossier.number())).containsExactly("X-60");
		// the other dossier of the same unit is not confirmed
		assertThat(dossiers.confirmed(dossiers.ofEnterprise(enterprise).get(1).number())).isEmpty();

		web.get("/elections/app");
		assertThat(upload(web, "X", "notice.pdf", Letters.emptyPdf()).statusCode()).isEqualTo(302);
		web.get("/elections/app");
		var refused = upload(web, "X", "notice.pdf", "not a pdf at all".getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("Choose a PDF file of at most 10 MB.");
		assertThat(dossiers.documents(dossier.number())).extracting(Dossiers.PhaseDocument::fileName)
			.containsExactly("notice.pdf");

		// this login is not an e-Box login
		assertThat(web.get("/ebox").headers().firstValue("Location")).hasValueSatisfying(
				l -> assertThat(l).endsWith("/login"));
		web.get("/elections/app");
		web.postForm("/elections/app/logout", "");
		assertThat(web.get("/elections/app").headers().firstValue("Location")).hasValueSatisfying(
				l -> assertThat(l).endsWith("/elections/app/login"));
	}

	@Test
	void lostCodesComeThroughTheEboxAndTheOldPasswordStops() throws Exception {
		Dossier dossier = dossiers.ofEnterprise(enterprise).get(1);
		String old = Letters.password(blobs, dossier);
		long letters = letters();
		var web = new WebSession(port);
		web.get("/elections/app/lost");
		// a wrong enterprise: the same answer, nothing sent
		var other = TestEnterprises.freshNumber();
		assertThat(web.postForm("/elections/app/lost", "dossier=" + dossier.number() + "&enterprise=" + other.digits())
			.headers()
			.firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/elections/app/lost?sent"));
		assertThat(letters()).isEqualTo(letters);
		web.get("/elections/app/lost");
		assertThat(web.postForm("/elections/app/lost", "dossier=x&enterprise=nope").body())
			.contains("Geef een dossiernummer en een geldig ondernemingsnummer.");
		// right after the campaign's letter no second one is sent (it is in the e-Box already): the same answer
		web.get("/elections/app/lost");
		web.postForm("/elections/app/lost", "dossier=" + dossier.number() + "&enterprise=" + enterprise.formatted());
		assertThat(letters()).isEqualTo(letters);
		// an hour later, new codes
		jdbc.sql("UPDATE elections_body SET codes_issued_at = ? WHERE dossier_number = ?")
			.params(OffsetDateTime.now().minusHours(2), dossier.number())
			.update();
		web.get("/elections/app/lost");
		web.postForm("/elections/app/lost", "dossier=" + dossier.number() + "&enterprise=" + enterprise.formatted());
		assertThat(letters()).isEqualTo(letters + 1);
		web.get("/elections/app/lost");
		web.postForm("/elections/app/lost", "dossier=" + dossier.number() + "&enterprise=" + enterprise.formatted());
		assertThat(letters()).as("a second request at once sends no third letter").isEqualTo(letters + 1);
		Dossier renewed = dossiers.find(dossier.number()).orElseThrow();
		String fresh = Letters.password(blobs, renewed);
		assertThat(fresh).isNotEqualTo(old);
		assertThat(DossierPasswords.matches(old, renewed.passwordHash())).isFalse();
		assertThat(DossierPasswords.matches(fresh, renewed.passwordHash())).isTrue();
		web.get("/elections/app/login");
		assertThat(web.postForm("/elections/app/login", "dossier=" + dossier.number() + "&password=" + old)
			.headers()
			.firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?error"));
	}

	@Test
	void guessingTheEnterpriseOfADossierIsLockedOut() throws Exception {
		Dossier dossier = dossiers.ofEnterprise(enterprise).get(0);
		long letters = letters();
		var web = new WebSession(port);
		try {
			for (int attempt = 1; attempt <= 5; attempt++) {
				web.get("/elections/app/lost");
				assertThat(web.postForm("/elections/app/lost",
						"dossier=" + dossier.number() + "&enterprise=" + TestEnterprises.freshNumber().digits())
					.statusCode()).isEqualTo(302);
			}
			web.get("/elections/app/lost");
			var locked = web.postForm("/elections/app/lost",
					"dossier=" + dossier.number() + "&enterprise=" + enterprise.formatted());
			assertThat(locked.statusCode()).isEqualTo(429);
			assertThat(locked.body()).contains("id=\"lost-locked\"");
			assertThat(letters()).as("even the right pair sends nothing while locked").isEqualTo(letters);
		}
		finally {
			String account = java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(("ACCOUNT:" + ("elections-dossier:" + dossier.number()).toLowerCase(java.util.Locale.ROOT))
						.getBytes(StandardCharsets.UTF_8)));
			jdbc.sql("DELETE FROM identity_sign_in_throttle WHERE kind = 'ADDRESS' OR subject = ?").param(account).update();
		}
	}

	@Test
	void theInformationPageIsPublic() {
		for (String language : new String[] { "nl", "fr", "de", "en" }) {
			var page = new WebSession(port).get("/elections/info?lang=" + language);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("lang=\"" + language + "\"", "id=\"rights\"", "id=\"contact\"");
		}
	}

	private long letters() {
		return jdbc.sql("SELECT COUNT(*) FROM message WHERE recipient = ? AND message_type = ?")
			.params(enterprise.digits(), DemoReferenceData.PROTECTED_TYPE)
			.query(Long.class)
			.single();
	}

	private static HttpResponse<String> upload(WebSession web, String phase, String fileName, byte[] content)
			throws Exception {
		return Multipart.post(web, "/elections/app/upload", java.util.Map.of("phase", phase), "file", fileName,
				"application/pdf", content);
	}
}
