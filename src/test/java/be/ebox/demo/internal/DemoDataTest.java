package be.ebox.demo.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.ebox.WebSession;
import be.ebox.enrolment.EboxState;
import be.ebox.enrolment.Enrolment;
import be.ebox.identity.AccountState;
import be.ebox.identity.Accounts;
import be.ebox.registry.EnterpriseRegistry;
import be.ebox.registry.RegistryImports;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.MachineClients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The one extra context of the suite: demo mode on, with a given secret and no operator password configured. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ebox.demo.enabled=true", "ebox.demo.secret=" + DemoDataTest.SECRET })
class DemoDataTest {

	static final String SECRET = "Quiet-Harbour-Lanterns-71";

	@LocalServerPort
	int port;

	@Autowired
	DemoData demo;

	@Autowired
	Enrolment enrolment;

	@Autowired
	Accounts accounts;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	RegistryImports imports;

	@Autowired
	DemoReferenceData senders;

	@Autowired
	MachineClients clients;

	@Autowired
	be.ebox.console.SenderStaff staff;

	@Autowired
	DemoMessages demoMessages;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoEnterprisesAreInTheDescribedStates() {
		for (DemoAccount account : DemoAccount.ALL) {
			assertThat(registry.find(account.enterprise())).isPresent();
			assertThat(enrolment.state(account.enterprise())).contains(account.state());
			var person = accounts.findByUsername(account.username()).orElseThrow();
			assertThat(person.state()).isEqualTo(account.state() == EboxState.ACTIVE ? AccountState.ACTIVE
					: AccountState.PENDING_ACTIVATION);
		}
		assertThat(clients.find(DemoReferenceData.CLIENT_ID)).isPresent();
		assertThat(clients.ofEnterprise(DemoAccount.ALL.get(0).enterprise()))
			.anySatisfy(client -> assertThat(client.clientId()).isEqualTo(DemoReferenceData.CONSUMER_CLIENT_ID));
	}

	@Test
	void theDemoUsersAndTheOperatorSignInWithTheSecret() {
		for (String username : new String[] { "demo-nl", "demo-fr", "operator" }) {
			assertThat(signIn(username, SECRET)).as(username).isTrue();
		}
		assertThat(signIn("demo-de", SECRET)).as("not activated yet").isFalse();
		var session = new WebSession(port);
		// demo-nl is a main access manager: the second step (TestSecondFactor) comes after the password
		session.signIn("demo-nl", SECRET, jdbc);
		assertThat(session.get("/ebox").statusCode()).isEqualTo(200);
	}

	@Test
	void runningTheSetupAgainChangesNothing() {
		Map<String, Object> before = counts();
		demo.install();
		assertThat(counts()).isEqualTo(before);
		for (DemoAccount account : DemoAccount.ALL) {
			assertThat(enrolment.state(account.enterprise())).contains(account.state());
		}
		assertThat(signIn("demo-fr", SECRET)).isTrue();
	}

	@Test
	void theDemoMessagesArePublishedOnceWhateverTheStarts() {
		demo.install();
		for (String key : DemoMessages.KEYS) {
			assertThat(count("SELECT COUNT(*) FROM message WHERE sender_application = '" + DemoReferenceData.APPLICATION
					+ "' AND idempotency_key = '" + key + "'")).as(key).isEqualTo(1);
		}
		assertThat(count("SELECT COUNT(*) FROM message WHERE idempotency_key = 'demo-letter-nl' AND first_read_at IS NOT NULL"))
			.as("the letter was read").isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM message WHERE idempotency_key = 'demo-brochure-nl' AND first_read_at IS NULL"))
			.as("the brochure was not").isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM message WHERE idempotency_key = 'demo-task-nl' AND due_date IS NOT NULL"
				+ " AND acknowledgement_required")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM message WHERE idempotency_key = 'demo-information-de'"
				+ " AND publication_code = 'NO_DIGITAL_USER'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM message m JOIN message_attachment a ON a.message_id = m.id"
				+ " WHERE m.idempotency_key = 'demo-letter-nl' AND a.media_type = 'application/pdf' AND a.main_content"))
			.isEqualTo(1);
		var expiring = jdbc.sql("SELECT expires_at FROM message WHERE idempotency_key = 'demo-expiring-nl'")
			.query(java.time.OffsetDateTime.class).single();
		assertThat(expiring.toInstant()).isBefore(java.time.Instant.now().plus(java.time.Duration.ofDays(6)));
	}

	@Test
	void theStaffMemberSignsInToTheSenderConsoleOfTheEmploymentService() {
		assertThat(signIn(DemoData.STAFF_USERNAME, SECRET)).isTrue();
		var session = new WebSession(port);
		session.signIn(DemoData.STAFF_USERNAME, SECRET, jdbc);
		var home = session.get("/console?lang=en");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("0308.357.159");
		var sent = session.get("/console/messages?lang=en");
		assertThat(sent.body()).contains("0412.345.614", "0421.567.839", "0430.123.437");
	}

	@Test
	void aGeneratedSecretIsShownOnceAndWorks() {
		var environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("ebox.demo.enabled", "true")));
		new DemoEnvironment().postProcessEnvironment(environment, null);
		String generated = environment.getProperty(DemoEnvironment.SECRET);
		assertThat(generated).hasSize(DemoEnvironment.GENERATED_LENGTH);
		assertThat(environment.getProperty(DemoEnvironment.OPERATOR_PASSWORD)).isEqualTo(generated);
		assertThat(environment.getProperty(DemoEnvironment.GENERATED)).isEqualTo("true");

		var restarted = new DemoData(imports, enrolment, accounts, senders, staff, demoMessages, generated, true, "");
		try {
			restarted.install();
			var console = new ByteArrayOutputStream();
			restarted.banner(new PrintStream(console, true, StandardCharsets.UTF_8));
			String banner = console.toString(StandardCharsets.UTF_8);
			Matcher shown = Pattern.compile("password \\(all of them\\): (\\S+)").matcher(banner);
			assertThat(shown.find()).as(banner).isTrue();
			assertThat(shown.group(1)).isEqualTo(generated);
			assertThat(banner).contains("demo-nl", "0412.345.614", "demo-fr", "0421.567.839", "demo-de", "0430.123.437");
			assertThat(signIn("demo-nl", generated)).isTrue();
			assertThat(signIn("demo-nl", SECRET)).isFalse();
		}
		finally {
			demo.install();
		}
	}

	@Test
	void aConfiguredSecretIsNeverShownAndMustPassThePolicy() {
		var console = new ByteArrayOutputStream();
		demo.banner(new PrintStream(console, true, StandardCharsets.UTF_8));
		assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET).contains("EBOX_DEMO_SECRET");

		var weak = new DemoData(imports, enrolment, accounts, senders, staff, demoMessages, "demo-nl-2024!x", false, "");
		assertThatIllegalStateException().isThrownBy(weak::install)
			.withMessageContaining("EBOX_DEMO_SECRET")
			.withMessageNotContaining("demo-nl-2024!x");
	}

	@Test
	void commandsAndNormalStartsAreLeftAlone() {
		var environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("ebox.demo.enabled", "true", "verify-audit", "")));
		new DemoEnvironment().postProcessEnvironment(environment, null);
		assertThat(environment.getProperty(DemoEnvironment.SECRET)).isNull();

		var off = new StandardEnvironment();
		new DemoEnvironment().postProcessEnvironment(off, null);
		assertThat(off.getProperty(DemoEnvironment.OPERATOR_PASSWORD)).isNull();
	}

	@Test
	void theDemoClientsGetTokensWithTheSecret() {
		assertThat(token(DemoReferenceData.CLIENT_ID, be.ebox.senders.Scopes.PUBLICATION_SENDER).statusCode()).isEqualTo(200);
		assertThat(token(DemoReferenceData.CONSUMER_CLIENT_ID, be.ebox.senders.Scopes.DOCUMENT_CONSUMER).statusCode())
			.isEqualTo(200);
	}

	private java.net.http.HttpResponse<String> token(String clientId, String scope) {
		String basic = java.util.Base64.getEncoder()
			.encodeToString((clientId + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
		return new WebSession(port).send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("grant_type=client_credentials&scope=" + WebSession.encode(scope)))
			.build());
	}

	private boolean signIn(String username, String password) {
		var session = new WebSession(port);
		session.get("/login");
		var response = session.postForm("/login",
				"username=" + WebSession.encode(username) + "&password=" + WebSession.encode(password));
		return response.statusCode() == 302
				&& !response.headers().firstValue("Location").orElse("error").contains("error");
	}

	private Map<String, Object> counts() {
		String demoEnterprises = "('0412345614', '0421567839', '0430123437')";
		var counts = new java.util.LinkedHashMap<String, Object>();
		counts.put("accounts", count("SELECT COUNT(*) FROM identity_account WHERE username LIKE 'demo-%'"));
		counts.put("eboxes", count("SELECT COUNT(*) FROM enrolment_ebox WHERE enterprise_number IN " + demoEnterprises));
		counts.put("letters", count("SELECT COUNT(*) FROM enrolment_letter WHERE enterprise_number IN " + demoEnterprises));
		counts.put("codes", count("SELECT COUNT(*) FROM enrolment_activation_code WHERE enterprise_number IN " + demoEnterprises));
		counts.put("roles", count("SELECT COUNT(*) FROM access_role WHERE enterprise_number IN " + demoEnterprises));
		counts.put("enterprises", count("SELECT COUNT(*) FROM registry_enterprise"));
		counts.put("clients", count("SELECT COUNT(*) FROM machine_client"));
		counts.put("types", count("SELECT COUNT(*) FROM message_type"));
		counts.put("messages", count("SELECT COUNT(*) FROM message WHERE recipient IN " + demoEnterprises));
		counts.put("evidence", count("SELECT COUNT(*) FROM message_evidence"));
		counts.put("staff", count("SELECT COUNT(*) FROM console_staff"));
		return counts;
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
