package be.ebox.access;

import be.ebox.testsupport.Mailbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import be.ebox.WebSession;
import be.ebox.identity.AccountId;
import be.ebox.messages.MessageActions;
import be.ebox.messages.MessageId;
import be.ebox.messages.Messages;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.DemoReferenceData;
import be.ebox.senders.IssuedClient;
import be.ebox.senders.MachineClients;
import be.ebox.testsupport.TestEnterprises;
import be.ebox.testsupport.TestMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static be.ebox.access.AccessMatrixTest.Outcome.DONE;
import static be.ebox.access.AccessMatrixTest.Outcome.NOT_FOUND;
import static be.ebox.access.AccessMatrixTest.Outcome.NO;
import static be.ebox.access.AccessMatrixTest.Outcome.REFUSED;
import static be.ebox.access.AccessMatrixTest.Outcome.SIGN_IN;
import static be.ebox.access.AccessMatrixTest.Outcome.YES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action tried as every kind of principal on the e-Box of one client enterprise, each outcome asserted in one
 * table (so that a change of rules shows as a changed cell). Reading goes through {@link ReadingRights} and the
 * messages module exactly as the pages and the consultation API do; management goes through the pages over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

	enum Principal {
		MAIN_ACCESS_MANAGER, ACCESS_MANAGER, USER_WITH_GRANT, USER_WITHOUT_GRANT, USER_OF_ANOTHER_ENTERPRISE,
		PROVIDER_USER_IN_MANDATE, PROVIDER_USER_OUTSIDE_TYPES, PROVIDER_USER_OUTSIDE_PERIOD, PROVIDER_USER_NOT_ASSIGNED,
		SOFTWARE_WITH_TYPE, SOFTWARE_WITHOUT_TYPE, ANONYMOUS
	}

	enum Action {
		READ_PROTECTED, READ_UNPROTECTED, DOWNLOAD_PROTECTED, HIDE_PROTECTED, VIEW_USERS, GRANT, REVOKE, INVITE, APPOINT,
		CREATE_CLIENT, CREATE_MANDATE
	}

	enum Outcome {
		/** may read / did it */
		YES, NO, DONE, REFUSED, NOT_FOUND, SIGN_IN
	}

	/** Rows: principals; columns in the order of {@link Action}. */
	static final Map<Principal, List<Outcome>> EXPECTED = new EnumMap<>(Map.ofEntries(
			Map.entry(Principal.MAIN_ACCESS_MANAGER, List.of(YES, YES, YES, YES, DONE, DONE, DONE, DONE, DONE, DONE, DONE)),
			Map.entry(Principal.ACCESS_MANAGER, List.of(YES, YES, YES, YES, DONE, DONE, DONE, DONE, REFUSED, DONE, DONE)),
			Map.entry(Principal.USER_WITH_GRANT, List.of(YES, YES, YES, YES, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)),
			Map.entry(Principal.USER_WITHOUT_GRANT, List.of(NO, YES, NO, NO, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)),
			Map.entry(Principal.USER_OF_ANOTHER_ENTERPRISE, List.of(NO, NO, NO, NO, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)),
			Map.entry(Principal.PROVIDER_USER_IN_MANDATE, List.of(YES, NO, YES, YES, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)),
			Map.entry(Principal.PROVIDER_USER_OUTSIDE_TYPES, List.of(NO, YES, NO, NO, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)),
			Map.entry(Principal.PROVIDER_USER_OUTSIDE_PERIOD, List.of(NO, NO, NO, NO, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)),
			Map.entry(Principal.PROVIDER_USER_NOT_ASSIGNED, List.of(NO, NO, NO, NO, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)),
			Map.entry(Principal.SOFTWARE_WITH_TYPE, List.of(YES, NO, YES, YES, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN)),
			Map.entry(Principal.SOFTWARE_WITHOUT_TYPE, List.of(NO, YES, NO, NO, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN)),
			Map.entry(Principal.ANONYMOUS, List.of(NO, NO, NO, NO, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN))));

	static final String PROTECTED = DemoReferenceData.PROTECTED_TYPE;

	static final String UNPROTECTED = DemoReferenceData.UNPROTECTED_TYPE;

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
	MessageActions actions;

	@Autowired
	MachineClients machineClients;

	People people;

	EnterpriseNumber client;

	EnterpriseNumber other;

	MessageId letter;

	MessageId brochure;

	final Map<Principal, People.Person> persons = new EnumMap<>(Principal.class);

	final Map<Principal, String> software = new EnumMap<>(Principal.class);

	@AfterAll
	void stopMail() {
		mail.close();
	}

	@BeforeAll
	void theClientItsPeopleItsProvidersAndItsSoftware() {
		mail = Mailbox.start(environment);
		demo.install("Demo-sender-secret-for-tests-1");
		people = new People(port, jdbc, encoder);
		var enterprises = new TestEnterprises(jdbc);
		client = enterprises.legalPerson("Client SA", "Klant NV");
		other = enterprises.legalPerson("Autre SA", "Andere NV");
		letter = new TestMessages(jdbc).to(client).type(PROTECTED, true).insert();
		brochure = new TestMessages(jdbc).to(client).type(UNPROTECTED, false).insert();

		persons.put(Principal.MAIN_ACCESS_MANAGER, people.with(client, Role.MAIN_ACCESS_MANAGER));
		persons.put(Principal.ACCESS_MANAGER, people.with(client, Role.ACCESS_MANAGER));
		var granted = people.with(client, Role.USER);
		grant(granted.account(), PROTECTED);
		persons.put(Principal.USER_WITH_GRANT, granted);
		persons.put(Principal.USER_WITHOUT_GRANT, people.with(client, Role.USER));
		persons.put(Principal.USER_OF_ANOTHER_ENTERPRISE, people.with(other, Role.MAIN_ACCESS_MANAGER));
		persons.put(Principal.PROVIDER_USER_IN_MANDATE, providerUser(Set.of(PROTECTED), 0, true));
		persons.put(Principal.PROVIDER_USER_OUTSIDE_TYPES, providerUser(Set.of(UNPROTECTED), 0, true));
		persons.put(Principal.PROVIDER_USER_OUTSIDE_PERIOD, providerUser(Set.of(PROTECTED, UNPROTECTED), -60, true));
		persons.put(Principal.PROVIDER_USER_NOT_ASSIGNED, providerUser(Set.of(PROTECTED, UNPROTECTED), 0, false));
		software.put(Principal.SOFTWARE_WITH_TYPE, softwareClient(Set.of(PROTECTED)));
		software.put(Principal.SOFTWARE_WITHOUT_TYPE, softwareClient(Set.of(UNPROTECTED)));
	}

	/** A user of a new provider enterprise, assigned (or not) to a mandate starting {@code startDays} from today. */
	People.Person providerUser(Set<String> types, int startDays, boolean assigned) {
		EnterpriseNumber provider = new TestEnterprises(jdbc).legalPerson("Prestataire", "Dienstverlener");
		People.Person user = people.with(provider, Role.USER);
		UUID mandate = UUID.randomUUID();
		var start = OffsetDateTime.now().plusDays(startDays);
		jdbc.sql("""
				INSERT INTO access_mandate (id, client_enterprise, provider_enterprise, starts_at, ends_at, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, 'test', ?)""")
			.params(mandate, client.digits(), provider.digits(), start.minusDays(1), start.plusDays(30), OffsetDateTime.now())
			.update();
		types.forEach(type -> jdbc.sql("INSERT INTO access_mandate_type (mandate_id, message_type) VALUES (?, ?)")
			.params(mandate, type)
			.update());
		if (assigned) {
			jdbc.sql("INSERT INTO access_mandate_assignee (mandate_id, account_id) VALUES (?, ?)")
				.params(mandate, user.account().value())
				.update();
		}
		return user;
	}

	String softwareClient(Set<String> types) {
		IssuedClient issued = machineClients.createForEnterprise(client, "test");
		jdbc.sql("INSERT INTO access_software_client (client_id, enterprise_number, name) VALUES (?, ?, 'test')")
			.params(issued.clientId(), client.digits())
			.update();
		types.forEach(type -> jdbc.sql("INSERT INTO access_software_type (client_id, message_type) VALUES (?, ?)")
			.params(issued.clientId(), type)
			.update());
		return issued.clientId();
	}

	void grant(AccountId account, String type) {
		jdbc.sql("""
				INSERT INTO access_grant (enterprise_number, account_id, message_type, granted_by, granted_at)
				VALUES (?, ?, ?, 'test', ?)""")
			.params(client.digits(), account.value(), type, OffsetDateTime.now())
			.update();
	}

	Optional<Reader> reader(Principal principal) {
		if (persons.containsKey(principal)) {
			return rights.ofPerson(persons.get(principal).account(), client);
		}
		if (software.containsKey(principal)) {
			return rights.ofSoftware(software.get(principal), client);
		}
		return rights.ofPerson(AccountId.random(), client);
	}

	@Test
	void everyActionAsEveryPrincipal() {
		Map<Principal, List<Outcome>> actual = new EnumMap<>(Principal.class);
		for (Principal principal : Principal.values()) {
			List<Outcome> row = new ArrayList<>();
			for (Action action : Action.values()) {
				row.add(attempt(principal, action));
			}
			actual.put(principal, row);
		}
		assertThat(actual).isEqualTo(EXPECTED);
	}

	@Test
	void aProviderReadsAsItsOwnEnterpriseWithOnlyTheMandatesTypes() {
		Reader reader = reader(Principal.PROVIDER_USER_IN_MANDATE).orElseThrow();
		assertThat(reader.actorEnterprise()).isNotEqualTo(client);
		assertThat(reader.types()).extracting(t -> t.value()).containsExactly(PROTECTED);
		assertThat(reader.unprotected()).isFalse();
		assertThat(reader.allProtected()).isFalse();
	}

	Outcome attempt(Principal principal, Action action) {
		return switch (action) {
			case READ_PROTECTED -> yes(reader(principal).flatMap(r -> messages.findFor(r, letter)).isPresent());
			case READ_UNPROTECTED -> yes(reader(principal).flatMap(r -> messages.findFor(r, brochure)).isPresent());
			case DOWNLOAD_PROTECTED -> yes(reader(principal).map(r -> actions.openMainContent(r, letter)).orElse(false));
			case HIDE_PROTECTED -> yes(reader(principal).map(r -> actions.hide(r, letter) && actions.unhide(r, letter)).orElse(false));
			case VIEW_USERS -> {
				var response = session(principal).get(page(""), bearer(principal));
				yield response.statusCode() == 200 ? DONE : web(response);
			}
			case GRANT -> {
				var target = people.with(client, Role.USER);
				var response = post(principal, page("/members/" + target.account() + "/grants"), "type=" + PROTECTED);
				yield effect(response, count("SELECT COUNT(*) FROM access_grant WHERE account_id = ?", target.account().value()) == 1);
			}
			case REVOKE -> {
				var target = people.with(client, Role.USER);
				grant(target.account(), PROTECTED);
				var response = post(principal, page("/members/" + target.account() + "/grants/" + PROTECTED + "/revoke"), "");
				yield effect(response, count("SELECT COUNT(*) FROM access_grant WHERE account_id = ?", target.account().value()) == 0);
			}
			case INVITE -> {
				String email = "m-" + UUID.randomUUID().toString().substring(0, 8) + "@matrix.example";
				var response = post(principal, page("/invitations"), "name=Matrix&language=en&email=" + email);
				yield effect(response, count("SELECT COUNT(*) FROM access_invitation WHERE email = ?", email) == 1);
			}
			case APPOINT -> {
				var target = people.with(client, Role.USER);
				var response = post(principal, page("/members/" + target.account() + "/appoint"), "");
				yield effect(response, count("SELECT COUNT(*) FROM access_role WHERE account_id = ? AND role = 'ACCESS_MANAGER'",
						target.account().value()) == 1);
			}
			case CREATE_CLIENT -> {
				String name = "client-" + UUID.randomUUID();
				var response = post(principal, page("/clients"), "name=" + name + "&types=" + PROTECTED);
				boolean created = count("SELECT COUNT(*) FROM access_software_client WHERE name = ?", name) == 1;
				if (response.statusCode() == 200 && created) {
					assertThat(response.body()).contains("issued-secret");
					yield DONE;
				}
				yield created ? DONE : web(response);
			}
			case CREATE_MANDATE -> {
				EnterpriseNumber provider = new TestEnterprises(jdbc).legalPerson("Mandataire", "Mandataris");
				var response = post(principal, page("/mandates"), "provider=" + provider.digits() + "&types=" + PROTECTED
						+ "&from=" + LocalDate.now() + "&until=" + LocalDate.now().plusDays(10));
				yield effect(response, count("SELECT COUNT(*) FROM access_mandate WHERE provider_enterprise = ?", provider.digits()) == 1);
			}
		};
	}

	static Outcome yes(boolean may) {
		return may ? YES : NO;
	}

	String page(String rest) {
		return "/ebox/access/" + client.digits() + rest;
	}

	int count(String sql, Object param) {
		return jdbc.sql(sql).param(param).query(Integer.class).single();
	}

	/** A person's own session; software and anonymous callers get a fresh cookie session (with a CSRF token). */
	WebSession session(Principal principal) {
		if (persons.containsKey(principal)) {
			return persons.get(principal).web();
		}
		var session = new WebSession(port);
		session.get("/login");
		return session;
	}

	/** Software presents its access token: pages take none (they are for signed-in people). */
	String[] bearer(Principal principal) {
		return software.containsKey(principal) ? new String[] { "Authorization", "Bearer " + token(software.get(principal)) }
				: new String[0];
	}

	String token(String clientId) {
		// any string will do: the page chain does not read bearer tokens at all
		return clientId + "-token";
	}

	HttpResponse<String> post(Principal principal, String path, String form) {
		WebSession session = session(principal);
		if (persons.containsKey(principal)) {
			session.get("/ebox");
		}
		var builder = HttpRequest.newBuilder(URI.create(session.base() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + WebSession.encode(session.csrf())));
		String[] headers = bearer(principal);
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return session.send(builder.build());
	}

	static Outcome effect(HttpResponse<String> response, boolean changed) {
		if (changed) {
			return DONE;
		}
		Outcome web = web(response);
		return web == null ? REFUSED : web;
	}

	static Outcome web(HttpResponse<String> response) {
		if (response.statusCode() == 404) {
			return NOT_FOUND;
		}
		if (response.statusCode() == 302
				&& response.headers().firstValue("Location").orElse("").endsWith("/login")) {
			return SIGN_IN;
		}
		if (response.statusCode() == 302 || response.statusCode() == 400) {
			return REFUSED;
		}
		return Outcome.valueOf("NO");
	}
}
