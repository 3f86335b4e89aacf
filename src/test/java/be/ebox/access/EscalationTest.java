package be.ebox.access;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import be.ebox.WebSession;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.IssuedClient;
import be.ebox.senders.MachineClients;
import be.ebox.testsupport.TestEnterprises;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Attempts to get more than one's role allows: each is refused and changes nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EscalationTest {

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
	AccessRoles roles;

	@Autowired
	MachineClients clients;

	People people;

	EnterpriseNumber ours;

	EnterpriseNumber theirs;

	People.Person main;

	People.Person manager;

	People.Person user;

	People.Person theirMain;

	People.Person theirUser;

	@BeforeEach
	void twoEnterprises() {
		demo.install("Demo-sender-secret-for-tests-1");
		people = new People(port, jdbc, encoder);
		var enterprises = new TestEnterprises(jdbc);
		ours = enterprises.legalPerson("Nous SA", "Wij NV");
		theirs = enterprises.legalPerson("Eux SA", "Zij NV");
		main = people.with(ours, Role.MAIN_ACCESS_MANAGER);
		manager = people.with(ours, Role.ACCESS_MANAGER);
		user = people.with(ours, Role.USER);
		theirMain = people.with(theirs, Role.MAIN_ACCESS_MANAGER);
		theirUser = people.with(theirs, Role.USER);
	}

	static HttpResponse<String> post(People.Person person, String path, String form) {
		person.web().get("/ebox");
		return person.web().postForm(path, form);
	}

	String ours(String rest) {
		return "/ebox/access/" + ours.digits() + rest;
	}

	int grants(People.Person person) {
		return jdbc.sql("SELECT COUNT(*) FROM access_grant WHERE account_id = ?").param(person.account().value())
			.query(Integer.class).single();
	}

	Role role(People.Person person, EnterpriseNumber enterprise) {
		return roles.rolesOf(person.account()).stream().filter(r -> r.enterprise().equals(enterprise)).findFirst()
			.map(EnterpriseRole::role).orElse(null);
	}

	@Test
	void aUserCannotGrantThemselvesNorSeeTheAccessPages() {
		assertThat(post(user, ours("/members/" + user.account() + "/grants"), "type=" + DemoReferenceData.PROTECTED_TYPE)
			.statusCode()).isEqualTo(404);
		assertThat(user.web().get(ours("")).statusCode()).isEqualTo(404);
		assertThat(grants(user)).isZero();
		assertThat(post(user, ours("/members/" + user.account() + "/appoint"), "").statusCode()).isEqualTo(404);
		assertThat(role(user, ours)).isEqualTo(Role.USER);
	}

	@Test
	void anAccessManagerCannotRemoveDeactivateOrDemoteTheMainAccessManager() {
		for (String action : new String[] { "remove", "deactivate", "dismiss", "hand-over", "appoint" }) {
			var response = post(manager, ours("/members/" + main.account() + "/" + action), "");
			assertThat(response.statusCode()).isEqualTo(302);
			String page = manager.web().get(ours("/members/" + main.account())).body();
			assertThat(page).contains("access-error");
		}
		assertThat(role(main, ours)).isEqualTo(Role.MAIN_ACCESS_MANAGER);
		assertThat(rights.ofPerson(main.account(), ours)).get().extracting(Reader::allProtected).isEqualTo(true);
		// nor another access manager, nor themselves
		var other = people.with(ours, Role.ACCESS_MANAGER);
		post(manager, ours("/members/" + other.account() + "/remove"), "");
		assertThat(role(other, ours)).isEqualTo(Role.ACCESS_MANAGER);
		post(manager, ours("/members/" + manager.account() + "/deactivate"), "");
		assertThat(rights.ofPerson(manager.account(), ours)).isPresent();
		// the main access manager cannot remove themselves either (the e-Box would have none)
		post(main, ours("/members/" + main.account() + "/remove"), "");
		assertThat(role(main, ours)).isEqualTo(Role.MAIN_ACCESS_MANAGER);
	}

	@Test
	void theMainAccessManagerHandsTheRoleOverAndKeepsManaging() {
		assertThat(post(main, ours("/members/" + manager.account() + "/hand-over"), "").statusCode()).isEqualTo(302);
		assertThat(role(manager, ours)).isEqualTo(Role.MAIN_ACCESS_MANAGER);
		assertThat(role(main, ours)).isEqualTo(Role.ACCESS_MANAGER);
		// the old main may no longer appoint; the new one may
		post(main, ours("/members/" + user.account() + "/appoint"), "");
		assertThat(role(user, ours)).isEqualTo(Role.USER);
		post(manager, ours("/members/" + user.account() + "/appoint"), "");
		assertThat(role(user, ours)).isEqualTo(Role.ACCESS_MANAGER);
	}

	@Test
	void idsOfAnotherEnterpriseInUrlsAndFormsAreNotFound() {
		// their enterprise in the URL
		assertThat(main.web().get("/ebox/access/" + theirs.digits()).statusCode()).isEqualTo(404);
		assertThat(post(main, "/ebox/access/" + theirs.digits() + "/members/" + theirUser.account() + "/grants",
				"type=" + DemoReferenceData.PROTECTED_TYPE).statusCode()).isEqualTo(404);
		// their member under our enterprise
		assertThat(main.web().get(ours("/members/" + theirUser.account())).statusCode()).isEqualTo(404);
		for (String action : new String[] { "remove", "deactivate", "appoint", "hand-over" }) {
			assertThat(post(main, ours("/members/" + theirUser.account() + "/" + action), "").statusCode()).isEqualTo(404);
		}
		assertThat(post(main, ours("/members/" + theirUser.account() + "/grants"), "type=" + DemoReferenceData.PROTECTED_TYPE)
			.statusCode()).isEqualTo(404);
		assertThat(grants(theirUser)).isZero();
		assertThat(role(theirUser, theirs)).isEqualTo(Role.USER);
		// their member as our designated contact
		post(main, ours("/contacts"), "type=" + DemoReferenceData.PROTECTED_TYPE + "&account=" + theirUser.account());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM access_designated_contact WHERE enterprise_number = ?")
			.param(ours.digits()).query(Integer.class).single()).isZero();
		// their software client revoked through our pages
		IssuedClient theirClient = clients.createForEnterprise(theirs, "test");
		assertThat(post(main, ours("/clients/" + theirClient.clientId() + "/revoke"), "").statusCode()).isEqualTo(404);
		assertThat(clients.find(theirClient.clientId()).orElseThrow().isActive()).isTrue();
		// their mandate revoked through our pages
		UUID mandate = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO access_mandate (id, client_enterprise, provider_enterprise, starts_at, ends_at, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, 'test', ?)""")
			.params(mandate, theirs.digits(), ours.digits(), OffsetDateTime.now().minusDays(1), OffsetDateTime.now().plusDays(9),
					OffsetDateTime.now())
			.update();
		assertThat(post(main, ours("/mandates/" + mandate + "/revoke"), "").statusCode()).isEqualTo(404);
		// we are the provider: we may assign our users, never theirs
		assertThat(post(main, ours("/mandates/" + mandate + "/assignees"), "account=" + theirUser.account())
			.statusCode()).isEqualTo(404);
		post(main, ours("/mandates/" + mandate + "/assignees"), "account=" + user.account());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM access_mandate_assignee WHERE mandate_id = ?").param(mandate)
			.query(Integer.class).single()).isEqualTo(1);
		// their invitation withdrawn through our pages
		assertThat(post(main, ours("/invitations/" + UUID.randomUUID() + "/withdraw"), "").statusCode()).isEqualTo(404);
		// nonsense ids
		assertThat(main.web().get(ours("/members/not-a-uuid")).statusCode()).isEqualTo(404);
		assertThat(main.web().get("/ebox/access/0123456788").statusCode()).isEqualTo(404);
	}

	@Test
	void aRevokedGrantOrADeactivationTakesEffectInTheOpenSession() {
		post(main, ours("/members/" + user.account() + "/grants"), "type=" + DemoReferenceData.PROTECTED_TYPE);
		assertThat(rights.ofPerson(user.account(), ours).orElseThrow().types()).hasSize(1);
		post(main, ours("/members/" + user.account() + "/grants/" + DemoReferenceData.PROTECTED_TYPE + "/revoke"), "");
		assertThat(rights.ofPerson(user.account(), ours).orElseThrow().types()).isEmpty();

		post(main, ours("/members/" + manager.account() + "/deactivate"), "");
		assertThat(rights.ofPerson(manager.account(), ours)).isEmpty();
		// the deactivated manager's open session no longer reaches the access pages
		assertThat(manager.web().get(ours("")).statusCode()).isEqualTo(404);
		post(main, ours("/members/" + manager.account() + "/reactivate"), "");
		assertThat(manager.web().get(ours("")).statusCode()).isEqualTo(200);
	}

	@Test
	void grantsEndAtTheEndOfTheirLastDayAndCannotBeGivenForThePastOrForUnprotectedTypes() {
		post(main, ours("/members/" + user.account() + "/grants"),
				"type=" + DemoReferenceData.PROTECTED_TYPE + "&until=" + LocalDate.now().minusDays(2));
		assertThat(grants(user)).isZero();
		assertThat(main.web().get(ours("/members/" + user.account())).body()).contains("The end date has passed already.");
		post(main, ours("/members/" + user.account() + "/grants"), "type=" + DemoReferenceData.UNPROTECTED_TYPE);
		assertThat(grants(user)).isZero();
		post(main, ours("/members/" + user.account() + "/grants"), "type=NoSuchType");
		assertThat(grants(user)).isZero();
		post(main, ours("/members/" + user.account() + "/grants"),
				"type=" + DemoReferenceData.PROTECTED_TYPE + "&until=" + LocalDate.now().plusDays(3));
		assertThat(rights.ofPerson(user.account(), ours).orElseThrow().types()).hasSize(1);
		// ended: past its end, the grant reads nothing (without anyone revoking it)
		jdbc.sql("UPDATE access_grant SET ends_at = ? WHERE account_id = ?")
			.params(OffsetDateTime.now().minusMinutes(1), user.account().value())
			.update();
		assertThat(rights.ofPerson(user.account(), ours).orElseThrow().types()).isEmpty();
	}

	@Test
	void aSignedOutPersonAndAnOtherEnterprisesManagerGetNothing() {
		var anonymous = new WebSession(port);
		var response = anonymous.get(ours(""));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(theirMain.web().get(ours("/readers")).statusCode()).isEqualTo(404);
		assertThat(theirMain.web().get(ours("/history")).statusCode()).isEqualTo(404);
	}
}
