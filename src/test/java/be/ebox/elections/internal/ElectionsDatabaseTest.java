package be.ebox.elections.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import be.ebox.documents.BlobStore;
import be.ebox.messages.BulkPublications;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.SenderApplicationId;
import be.ebox.testsupport.TestEnterprises;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Import of the social elections database (errors per line, all or nothing) and the codes campaign. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ElectionsDatabaseTest {

	static final String HEADER = "enterpriseNumber,enterpriseName,language,unit,unitName,body,electionDay\n";

	@Autowired
	ElectionsImport imports;

	@Autowired
	CodesCampaign codes;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Dossiers dossiers;

	@Autowired
	Calendars calendars;

	@Autowired
	BlobStore blobs;

	@Autowired
	BulkPublications bulk;

	@Autowired
	DemoReferenceData demo;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void referenceData() {
		demo.install("elections-test-secret");
	}

	@Test
	void theCalendarOf2016IsData() {
		var calendar = calendars.of(2016).orElseThrow();
		assertThat(calendar.milestones()).extracting(ElectionCalendar.Milestone::code)
			.containsExactly("X-60", "X-35", "X", "X+7", "X+14", "X+35", "X+40", "X+77", "Y", "Y+2", "Y+45");
		assertThat(calendar.milestones().stream().map(m -> m.date(java.time.LocalDate.of(2016, 5, 9))).toList())
			.isEqualTo(ElectionCalendarTest.Y2016.phases(java.time.LocalDate.of(2016, 5, 9))
				.stream()
				.map(ElectionCalendar.Phase::date)
				.toList());
	}

	@Test
	void everyBadLineIsReportedAndNothingIsImported() {
		var enterprise = new TestEnterprises(jdbc).legalPerson("Erreur SA", "Fout NV");
		long before = count();
		String csv = HEADER + line(enterprise, "Fout NV", "nl", "U1", "Gent", "WORKS_COUNCIL", "2016-05-10") // fine
				+ "0123.456.789,Fout NV,nl,U1,Gent,COMMITTEE,2016-05-10\n" // check digits
				+ line(enterprise, "Fout NV", "xx", "U2", "Gent", "OR", "2016-05-10") // language
				+ line(enterprise, "Fout NV", "nl", "U3", "Gent", "BOARD", "2016-05-10") // body
				+ line(enterprise, "Fout NV", "nl", "U4", "Gent", "CPBW", "2016-06-01") // outside the window
				+ line(enterprise, "Fout NV", "nl", "U5", "Gent", "CPBW", "10 mei") // not a date
				+ line(enterprise, "Fout NV", "nl", "U6", "Gent", "CPBW", "2019-05-10") // no such year
				+ "1,2,3\n"; // columns
		var outcome = imports.importCsv(in(csv));
		assertThat(outcome.accepted()).isFalse();
		assertThat(outcome.errors()).extracting(ElectionsImport.LineError::line, ElectionsImport.LineError::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "enterpriseNumber"),
					org.assertj.core.groups.Tuple.tuple(4L, "language"), org.assertj.core.groups.Tuple.tuple(5L, "body"),
					org.assertj.core.groups.Tuple.tuple(6L, "outsideWindow"),
					org.assertj.core.groups.Tuple.tuple(7L, "electionDay"),
					org.assertj.core.groups.Tuple.tuple(8L, "noElectionYear"),
					org.assertj.core.groups.Tuple.tuple(9L, "columns"));
		assertThat(count()).isEqualTo(before);
		// in the user's language, with the line number
		var error = outcome.errors().get(3);
		String reason = messages.getMessage("elections.import.error." + error.code(), error.arguments().toArray(),
				Locale.FRENCH);
		assertThat(messages.getMessage("elections.import.line", new Object[] { error.line(), reason }, Locale.FRENCH))
			.isEqualTo("Ligne 6 : Le jour des élections 2016-06-01 est en dehors de la période du 2016-05-09 au 2016-05-22.");
		assertThat(messages.getMessage("elections.import.error.language", new Object[] { "xx" }, Locale.forLanguageTag("nl")))
			.isEqualTo("\"xx\" is geen taal: nl, fr, de of en.");
	}

	@Test
	void inconsistentLinesAndUnknownEnterprisesAreErrorsToo() {
		var enterprise = new TestEnterprises(jdbc).legalPerson("Double SA", "Dubbel NV");
		var unknown = TestEnterprises.freshNumber();
		String csv = HEADER + line(enterprise, "Dubbel NV", "nl", "U1", "Gent", "OR", "2016-05-10")
				+ line(enterprise, "Dubbel NV", "nl", "U1", "Gent", "OR", "2016-05-10") // twice
				+ line(enterprise, "Dubbel NV", "nl", "U1", "Gent", "CPBW", "2016-05-11") // other day for the unit
				+ line(enterprise, "Autre nom", "nl", "U2", "Gent", "CPBW", "2016-05-10"); // other name
		assertThat(imports.importCsv(in(csv)).errors()).extracting(ElectionsImport.LineError::code)
			.containsExactly("duplicateBody", "unitDiffers", "enterpriseDiffers");
		var notInRegistry = imports.importCsv(in(HEADER + line(unknown, "X", "nl", "U1", "Gent", "OR", "2016-05-10")));
		assertThat(notInRegistry.errors()).extracting(ElectionsImport.LineError::code).containsExactly("notInRegistry");
		assertThat(imports.importCsv(in("a,b\n1,2\n")).errors()).extracting(ElectionsImport.LineError::code)
			.containsExactly("header");
		assertThat(imports.importCsv(in(HEADER)).errors()).extracting(ElectionsImport.LineError::code)
			.containsExactly("empty");
	}

	@Test
	void importTwiceThenTheCodesCampaignPublishesOneLetterPerBody() throws Exception {
		var enterprise = new TestEnterprises(jdbc).legalPerson("Quatre Organes SA", "Vier Organen NV");
		String csv = "\uFEFF" + HEADER + line(enterprise, "Quatre Organes SA", "fr", "TUE-1", "Siège, Liège", "CE", "2016-05-12")
				+ line(enterprise, "Quatre Organes SA", "fr", "TUE-1", "Siège, Liège", "CPPT", "2016-05-12")
				+ line(enterprise, "Quatre Organes SA", "fr", "TUE-2", "Dépôt \"Nord\"", "CPPT", "12/05/2016")
				+ line(enterprise, "Quatre Organes SA", "fr", "TUE-3", "Atelier", "COMMITTEE", "2016-05-12");
		var first = imports.importCsv(in(csv));
		assertThat(first.errors()).isEmpty();
		assertThat(first).extracting(ElectionsImport.Outcome::enterprises, ElectionsImport.Outcome::units,
				ElectionsImport.Outcome::bodies, ElectionsImport.Outcome::newBodies)
			.containsExactly(1, 3, 4, 4);
		assertThat(imports.importCsv(in(csv)).newBodies()).isZero();
		List<Dossier> four = dossiers.ofEnterprise(enterprise);
		assertThat(four).hasSize(4).allSatisfy(d -> assertThat(d.passwordHash()).isNull());
		assertThat(four.get(2).unitName()).isEqualTo("Dépôt \"Nord\"");

		var campaign = codes.start("test").get(0);
		var status = awaitDone(campaign);
		assertThat(status.failed()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM message WHERE recipient = ? AND message_type = ?")
			.params(enterprise.digits(), DemoReferenceData.PROTECTED_TYPE)
			.query(Long.class)
			.single()).isEqualTo(4);
		var issued = dossiers.ofEnterprise(enterprise);
		assertThat(issued).allSatisfy(d -> assertThat(d.passwordHash()).startsWith("s256$"));
		// the letter is in French with its dossier number; the password only matches its own hash
		var dossier = issued.get(0);
		String text;
		try (var pdf = Loader.loadPDF(blobs.get(dossier.letterSha256()).readAllBytes())) {
			text = new PDFTextStripper().getText(pdf);
		}
		assertThat(text).contains("Numéro de dossier :  " + dossier.number()).contains("Conseil d'entreprise");
		var password = java.util.regex.Pattern.compile("Mot de passe :  ([A-Z2-9-]{24})").matcher(text);
		assertThat(password.find()).isTrue();
		assertThat(DossierPasswords.matches(password.group(1), dossier.passwordHash())).isTrue();
		assertThat(DossierPasswords.matches(password.group(1).toLowerCase(Locale.ROOT).replace("-", " "),
				dossier.passwordHash())).isTrue();
		assertThat(DossierPasswords.matches(password.group(1), issued.get(1).passwordHash())).isFalse();
		// nothing left to send
		assertThat(codes.start("test")).isEmpty();
	}

	BulkPublications.Status awaitDone(java.util.UUID campaign) throws InterruptedException {
		return awaitDone(campaigns, bulk, campaign);
	}

	static BulkPublications.Status awaitDone(Campaigns campaigns, BulkPublications bulk, java.util.UUID campaign)
			throws InterruptedException {
		var job = campaigns.find(campaign).orElseThrow().job();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			var status = bulk.status(new SenderApplicationId(DemoReferenceData.APPLICATION), job).orElseThrow();
			if (status.state() == BulkPublications.State.DONE) {
				return status;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The campaign did not finish in time");
	}

	private long count() {
		return jdbc.sql("SELECT (SELECT COUNT(*) FROM elections_enterprise) + (SELECT COUNT(*) FROM elections_unit)"
				+ " + (SELECT COUNT(*) FROM elections_body)").query(Long.class).single();
	}

	static String line(EnterpriseNumber enterprise, String name, String language, String unit, String unitName,
			String body, String day) {
		return String.join(",", enterprise.formatted(), Campaigns.csv(name), language, unit, Campaigns.csv(unitName),
				body, day) + "\n";
	}

	static ByteArrayInputStream in(String csv) {
		return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
	}
}
