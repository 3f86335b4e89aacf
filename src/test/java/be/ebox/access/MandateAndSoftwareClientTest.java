package be.ebox.access;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.ebox.messages.Evidence;
import be.ebox.messages.MessageActions;
import be.ebox.messages.MessageId;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.MachineClients;
import be.ebox.senders.MessageTypeId;
import be.ebox.testsupport.TestEnterprises;
import be.ebox.testsupport.TestMessages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mandates through the pages of both sides (the client gives and revokes, the provider assigns its users; the client
 * sees the provider's reading in the evidence), software clients with chosen types, and the designated contacts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MandateAndSoftwareClientTest {

	static final Pattern CLIENT_ID = Pattern.compile("id=\"issued-id\">([^<]+)<");

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
	MessageActions actions;

	@Autowired
	Evidence evidence;

	@Autowired
	MachineClients machineClients;

	@Autowired
	DesignatedContacts contacts;

	@Autowired
	AccessRoles roles;

	People people;

	EnterpriseNumber client;

	EnterpriseNumber provider;

	People.Person clientMain;

	People.Person providerMain;

	People.Person providerUser;

	@BeforeEach
	void clientAndProvider() {
		demo.install("Demo-sender-secret-for-tests-1");
		people = new People(port, jdbc, encoder);
		var enterprises = new TestEnterprises(jdbc);
		client = enterprises.legalPerson("Client SA", "Klant NV");
		provider = enterprises.legalPerson("Secrétariat social SA", "Sociaal secretariaat NV");
		clientMain = people.with(client, Role.MAIN_ACCESS_MANAGER);
		providerMain = people.with(provider, Role.MAIN_ACCESS_MANAGER);
		providerUser = people.with(provider, Role.USER);
	}

	static HttpResponse<String> post(People.Person person, String path, String form) {
		person.web().get("/ebox");
		return person.web().postForm(path, form);
	}

	@Test
	void aProviderReadsTheChosenTypesOnlyOnceAssignedAndTheClientSeesItInTheEvidence() {
		MessageId letter = new TestMessages(jdbc).to(client).type(DemoReferenceData.PROTECTED_TYPE, true).insert();
		MessageId brochure = new TestMessages(jdbc).to(client).type(DemoReferenceData.UNPROTECTED_TYPE, false).insert();
		post(clientMain, "/ebox/access/" + client.digits() + "/mandates", "provider=" + provider.formatted()
				+ "&types=" + DemoReferenceData.PROTECTED_TYPE + "&from=" + LocalDate.now() + "&until=" + LocalDate.now().plusDays(30));
		UUID mandate = jdbc.sql("SELECT id FROM access_mandate WHERE client_enterprise = ?").param(client.digits())
			.query(UUID.class).single();
		assertThat(providerMain.web().get("/ebox/access/" + provider.digits() + "/mandates").body()).contains("Client SA");

		// the provider's access manager works on it; its user only once assigned
		assertThat(rights.ofPerson(providerMain.account(), client)).isPresent();
		assertThat(rights.ofPerson(providerUser.account(), client)).isEmpty();
		post(providerMain, "/ebox/access/" + provider.digits() + "/mandates/" + mandate + "/assignees",
				"account=" + providerUser.account() + "&assigned=true");
		Reader reader = rights.ofPerson(providerUser.account(), client).orElseThrow();
		assertThat(reader.actorEnterprise()).isEqualTo(provider);
		assertThat(reader.types()).containsExactly(new MessageTypeId(DemoReferenceData.PROTECTED_TYPE));
		assertThat(roles.mandatedEboxes(providerUser.account())).containsExactly(client);

		assertThat(actions.openMainContent(reader, letter)).isTrue();
		assertThat(actions.openMainContent(reader, brochure)).isFalse();
		assertThat(evidence.timeline(letter)).filteredOn(e -> e.kind() == Evidence.Kind.OPENED)
			.singleElement()
			.satisfies(e -> {
				assertThat(e.actor()).isEqualTo(providerUser.account().toString());
				assertThat(e.actorEnterprise()).isEqualTo(provider.digits());
			});

		// the client may not assign the provider's users; the provider may not revoke the client's mandate
		assertThat(post(clientMain, "/ebox/access/" + client.digits() + "/mandates/" + mandate + "/assignees",
				"account=" + providerUser.account()).statusCode()).isEqualTo(404);
		assertThat(post(providerMain, "/ebox/access/" + provider.digits() + "/mandates/" + mandate + "/revoke", "")
			.statusCode()).isEqualTo(404);

		post(clientMain, "/ebox/access/" + client.digits() + "/mandates/" + mandate + "/revoke", "");
		assertThat(rights.ofPerson(providerUser.account(), client)).isEmpty();
		assertThat(rights.ofPerson(providerMain.account(), client)).isEmpty();
		assertThat(roles.mandatedEboxes(providerUser.account())).isEmpty();
	}

	@Test
	void aMandateToOneselfOrAnUnknownEnterpriseOrWithoutTypesIsRefused() {
		String base = "/ebox/access/" + client.digits() + "/mandates";
		String period = "&from=" + LocalDate.now() + "&until=" + LocalDate.now().plusDays(3);
		post(clientMain, base, "provider=" + client.digits() + "&types=" + DemoReferenceData.PROTECTED_TYPE + period);
		assertThat(clientMain.web().get(base).body()).contains("An enterprise cannot give a mandate to itself.");
		post(clientMain, base, "provider=" + TestEnterprises.freshNumber().digits() + "&types=" + DemoReferenceData.PROTECTED_TYPE + period);
		assertThat(clientMain.web().get(base).body()).contains("Enter the enterprise number of an existing enterprise.");
		post(clientMain, base, "provider=" + provider.digits() + period);
		assertThat(clientMain.web().get(base).body()).contains("Choose at least one message type.");
		post(clientMain, base, "provider=" + provider.digits() + "&types=" + DemoReferenceData.PROTECTED_TYPE
				+ "&from=" + LocalDate.now() + "&until=" + LocalDate.now().minusDays(1));
		assertThat(clientMain.web().get(base).body()).contains("Enter a start date and an end date that is not before it.");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM access_mandate WHERE client_enterprise = ?").param(client.digits())
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aSoftwareClientReadsTheChosenTypesItsSecretIsShownOnceAndRevocationEndsIt() {
		var created = post(clientMain, "/ebox/access/" + client.digits() + "/clients",
				"name=Boekhouding&types=" + DemoReferenceData.PROTECTED_TYPE);
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
		Matcher id = CLIENT_ID.matcher(created.body());
		assertThat(id.find()).isTrue();
		String clientId = id.group(1);
		assertThat(created.body()).contains("issued-secret");
		assertThat(clientMain.web().get("/ebox/access/" + client.digits() + "/clients").body())
			.contains(clientId).doesNotContain("issued-secret");

		Reader reader = rights.ofSoftware(clientId, client).orElseThrow();
		assertThat(reader.types()).containsExactly(new MessageTypeId(DemoReferenceData.PROTECTED_TYPE));
		assertThat(reader.unprotected()).isFalse();
		assertThat(reader.allProtected()).isFalse();
		assertThat(rights.ofSoftware(clientId, provider)).isEmpty();

		// a client made elsewhere, without a choice, still reads everything
		String older = machineClients.createForEnterprise(client, "operator").clientId();
		assertThat(rights.ofSoftware(older, client)).get().extracting(Reader::allProtected).isEqualTo(true);

		post(clientMain, "/ebox/access/" + client.digits() + "/clients/" + clientId + "/revoke", "");
		assertThat(rights.ofSoftware(clientId, client)).isEmpty();
		// the provider's managers cannot revoke the client's software
		assertThat(post(providerMain, "/ebox/access/" + provider.digits() + "/clients/" + older + "/revoke", "")
			.statusCode()).isEqualTo(404);
	}

	private static final MessageTypeId UNPROTECTED = new MessageTypeId(DemoReferenceData.UNPROTECTED_TYPE);

	@Test
	void theDesignatedContactIsAnsweredWhileTheyMayReadTheType() {
		var user = people.with(client, Role.USER);
		MessageTypeId elections = new MessageTypeId(DemoReferenceData.PROTECTED_TYPE);
		post(clientMain, "/ebox/access/" + client.digits() + "/contacts",
				"type=" + elections + "&account=" + user.account());
		// named, but without a grant the user cannot read the type: not answered
		assertThat(contacts.contactFor(client, elections)).isEmpty();
		post(clientMain, "/ebox/access/" + client.digits() + "/members/" + user.account() + "/grants", "type=" + elections);
		assertThat(contacts.contactFor(client, elections)).contains(user.account());
		assertThat(contacts.readersOf(client, elections, true)).containsExactlyInAnyOrder(clientMain.account(), user.account());
		assertThat(contacts.readersOf(client, new MessageTypeId(DemoReferenceData.UNPROTECTED_TYPE), false))
			.containsExactlyInAnyOrder(clientMain.account(), user.account());
		assertThat(clientMain.web().get("/ebox/access/" + client.digits() + "/readers").body()).contains("selected");
		// the same answers for many e-Boxes at once (the notifications' batches), an e-Box without anyone included
		var nobody = new TestEnterprises(jdbc).legalPerson("Vide SA", "Leeg NV");
		var lookup = contacts.lookup(java.util.Set.of(client, provider, nobody));
		assertThat(lookup.contactFor(client, elections)).contains(user.account());
		assertThat(lookup.readersOf(client, elections, true)).containsExactlyInAnyOrder(clientMain.account(), user.account());
		assertThat(lookup.contactFor(provider, elections)).isEmpty();
		assertThat(lookup.readersOf(provider, UNPROTECTED, false)).isNotEmpty()
			.isEqualTo(contacts.readersOf(provider, UNPROTECTED, false));
		assertThat(lookup.readersOf(nobody, UNPROTECTED, false)).isEmpty();
		var outsider = new TestEnterprises(jdbc).legalPerson("Tiers SA", "Derde NV");
		assertThatThrownBy(() -> lookup.readersOf(outsider, elections, true))
			.isInstanceOf(IllegalArgumentException.class);

		post(clientMain, "/ebox/access/" + client.digits() + "/contacts", "type=" + elections + "&account=");
		assertThat(contacts.contactFor(client, elections)).isEmpty();
	}
}
