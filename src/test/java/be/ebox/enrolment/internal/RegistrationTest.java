package be.ebox.enrolment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import be.ebox.access.AccessRoles;
import be.ebox.access.Role;
import be.ebox.enrolment.ActivationCredentials;
import be.ebox.enrolment.EboxState;
import be.ebox.enrolment.RegistrationRefusedException;
import be.ebox.enrolment.RegistrationRefusedException.Reason;
import be.ebox.enrolment.RegistrationRequest;
import be.ebox.identity.AccountState;
import be.ebox.identity.Accounts;
import be.ebox.registry.EnterpriseNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationTest extends EnrolmentTestSupport {

	@Autowired
	Accounts accounts;

	@Autowired
	AccessRoles roles;

	@Test
	void registrationCreatesTheEboxTheAccountTheRoleAndALetterInOneGo() {
		EnterpriseNumber number = enterprises.legalPerson("Société Générale Liège", "Algemene Maatschappij Luik");
		long lettersBefore = outbox.count();

		ActivationCredentials credentials = enrolment.registerWithCredentials(request(number, "fr"));

		assertThat(enrolment.state(number)).contains(EboxState.REGISTERED);
		var account = accounts.findByUsername(credentials.username()).orElseThrow();
		assertThat(account.state()).isEqualTo(AccountState.PENDING_ACTIVATION);
		assertThat(account.displayName()).isEqualTo("Marie Müller-Dupont");
		assertThat(account.email()).isEqualTo("marie@example.be");
		assertThat(account.language()).isEqualTo("fr");
		assertThat(credentials.username()).matches("mariemuller\\d{4}|mariemulle\\d{4}");
		assertThat(roles.rolesOf(account.id())).singleElement()
			.satisfies(role -> {
				assertThat(role.enterprise()).isEqualTo(number);
				assertThat(role.role()).isEqualTo(Role.MAIN_ACCESS_MANAGER);
			});
		assertThat(outbox.count()).isEqualTo(lettersBefore + 1);
		assertThat(outbox.ofEnterprise(number)).singleElement()
			.satisfies(letter -> {
				assertThat(letter.state()).isEqualTo(PostalOutbox.LetterState.TO_PRINT);
				assertThat(letter.addressee()).isEqualTo("Société Générale Liège");
				assertThat(letter.hasPdf()).isTrue();
			});
		assertThat(auditCount(number, "REGISTRATION")).isEqualTo(1);
		assertThat(auditCount(number, "ACTIVATION_LETTER_ISSUED")).isEqualTo(1);
		// the code is stored only as its hash
		assertThat(jdbc.sql("SELECT COUNT(*) FROM enrolment_activation_code WHERE code_hash = ?")
			.param(ActivationCodes.hash(credentials.activationCode())).query(Long.class).single()).isEqualTo(1);
		assertThat(credentials.toString()).doesNotContain(credentials.activationCode());
	}

	@Test
	void theLetterIsInTheChosenLanguageAndCarriesUsernameCodeAndRegisteredOffice() {
		EnterpriseNumber number = enterprises.legalPerson("Société Générale Liège", "Algemene Maatschappij Luik");
		ActivationCredentials credentials = enrolment.registerWithCredentials(request(number, "fr"));

		String text = letterText(number);

		assertThat(text).contains("Société Générale Liège")
			.contains("Place Saint-Lambert 18 box B")
			.contains("4000 Liège")
			.contains("Nom d'utilisateur : " + credentials.username())
			.contains("Code d'activation : " + credentials.activationCode())
			.contains("Marie Müller-Dupont")
			.contains("http://localhost:8080/activate")
			.contains(number.formatted())
			.containsPattern("jusqu'au \\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \\d{4}");
		assertThat(credentials.activationCode()).matches(CODE);
	}

	@Test
	void lettersInDutchAndGerman() {
		EnterpriseNumber dutch = enterprises.legalPerson("Brasserie Dupont", "Brouwerij Müller");
		EnterpriseNumber german = enterprises.legalPerson("Brasserie Dupont", "Brouwerij Müller");
		var nl = enrolment.registerWithCredentials(request(dutch, "nl"));
		var de = enrolment.registerWithCredentials(request(german, "de"));

		assertThat(letterText(dutch)).contains("Brouwerij Müller").contains("Sint-Lambertusplein 18 box B")
			.contains("4000 Luik").contains("Activeringscode: " + nl.activationCode())
			.contains("Gebruikersnaam: " + nl.username());
		assertThat(letterText(german)).contains("Aktivierungscode: " + de.activationCode())
			.contains("Benutzername: " + de.username()).contains("Sehr geehrte Damen und Herren");
	}

	@Test
	void unknownEnterprisesAreRefused() {
		assertRefused(request(be.ebox.testsupport.TestEnterprises.freshNumber(), "nl"), Reason.UNKNOWN);
	}

	@Test
	void naturalPersonsAreRefused() {
		EnterpriseNumber number = enterprises.enterprise("AC", "000", "1", "Jean Dupont", "Jan Dupont", true);
		assertRefused(request(number, "nl"), Reason.NATURAL_PERSON);
	}

	@Test
	void stoppedEnterprisesAreRefused() {
		EnterpriseNumber stopped = enterprises.enterprise("ST", "000", "2", "Arrêtée SA", "Gestopt NV", true);
		EnterpriseNumber inLiquidation = enterprises.enterprise("AC", "012", "2", "Liquidée SA", "Vereffend NV", true);
		assertRefused(request(stopped, "nl"), Reason.NOT_ACTIVE);
		assertRefused(request(inLiquidation, "fr"), Reason.NOT_ACTIVE);
	}

	@Test
	void enterprisesWithoutRegisteredOfficeAreRefused() {
		EnterpriseNumber number = enterprises.enterprise("AC", "000", "2", "Sans Adresse SA", "Zonder Adres NV", false);
		assertRefused(request(number, "nl"), Reason.NO_REGISTERED_OFFICE);
	}

	@Test
	void oneRegistrationPerLegalEntityHoweverTheNumberIsWrittenAndHoweverManyEstablishments() {
		EnterpriseNumber number = enterprises.legalPerson("Multi Sites SA", "Multi Sites NV");
		enterprises.establishment(number, "2" + number.digits().substring(1, 9) + "1");
		enterprises.establishment(number, "2" + number.digits().substring(1, 9) + "2");
		enrolment.register(request(number, "nl"));
		long accountsBefore = countAccounts();

		assertRefused(request(EnterpriseNumber.parse("BE" + number.digits()), "fr"), Reason.ALREADY_REGISTERED);
		assertRefused(request(EnterpriseNumber.parse(number.formatted()), "de"), Reason.ALREADY_REGISTERED);

		assertThat(countAccounts()).isEqualTo(accountsBefore);
		assertThat(outbox.ofEnterprise(number)).hasSize(1);
	}

	@Test
	void theDatabaseRefusesASecondEboxForTheSameEnterprise() {
		EnterpriseNumber number = enterprises.legalPerson("Contrainte SA", "Beperking NV");
		enrolment.register(request(number, "nl"));
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO enrolment_ebox (enterprise_number, state, registered_at, representative_name, email,
					letter_language, main_account_id)
				VALUES (?, 'REGISTERED', CURRENT_TIMESTAMP, 'X', 'x@example.be', 'nl', ?)""")
			.params(number.digits(), java.util.UUID.randomUUID()).update())
			.isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void concurrentRegistrationsOfOneEnterpriseLeaveExactlyOne() throws Exception {
		EnterpriseNumber number = enterprises.legalPerson("Course SA", "Wedloop NV");
		int threads = 4;
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(threads);
		List<Future<String>> outcomes = new ArrayList<>();
		try {
			for (int i = 0; i < threads; i++) {
				String name = "Representative " + (char) ('A' + i);
				Callable<String> registration = () -> {
					start.await();
					try {
						enrolment.register(new RegistrationRequest(number, name, "r@example.be", "nl"));
						return "registered";
					}
					catch (RegistrationRefusedException ex) {
						return ex.reason().name();
					}
				};
				outcomes.add(pool.submit(registration));
			}
			start.countDown();
			List<String> results = new ArrayList<>();
			for (var outcome : outcomes) {
				results.add(outcome.get());
			}
			assertThat(results).containsOnlyOnce("registered");
			assertThat(results).filteredOn(r -> !r.equals("registered")).containsOnly(Reason.ALREADY_REGISTERED.name());
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM enrolment_ebox WHERE enterprise_number = ?").param(number.digits())
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM access_role WHERE enterprise_number = ?").param(number.digits())
			.query(Long.class).single()).isEqualTo(1);
		assertThat(outbox.ofEnterprise(number)).hasSize(1);
	}

	@Test
	void malformedRequestsChangeNothing() {
		EnterpriseNumber number = enterprises.legalPerson("Formulaire SA", "Formulier NV");
		assertThatThrownBy(() -> enrolment.register(new RegistrationRequest(number, "Jan", "not-an-address", "nl")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> enrolment.register(new RegistrationRequest(number, " ", "jan@example.be", "nl")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> enrolment.register(new RegistrationRequest(number, "Jan", "jan@example.be", "es")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(enrolment.state(number)).isEmpty();
	}

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	/** What the username retry relies on: on PostgreSQL only a savepoint keeps a transaction alive after a failed INSERT. */
	@Test
	void aTakenUsernameInsideTheRegistrationTransactionDoesNotSpoilIt() {
		String taken = "taken" + System.nanoTime();
		String fresh = "fresh" + System.nanoTime();
		accounts.createPending(taken, "First", "first@example.be", "nl");
		var outer = new org.springframework.transaction.support.TransactionTemplate(transactions);
		var savepoint = new org.springframework.transaction.support.TransactionTemplate(transactions);
		savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);

		outer.executeWithoutResult(status -> {
			assertThatThrownBy(() -> savepoint.execute(s -> accounts.createPending(taken, "Second", "s@example.be", "nl")))
				.isInstanceOf(be.ebox.identity.UsernameTakenException.class);
			savepoint.execute(s -> accounts.createPending(fresh, "Second", "s@example.be", "nl"));
		});

		assertThat(accounts.findByUsername(fresh)).isPresent();
		assertThat(accounts.findByUsername(taken).orElseThrow().displayName()).isEqualTo("First");
	}

	@Test
	void usernamesAreReadableLettersOfTheNameAndDigits() {
		assertThat(Usernames.candidate("Élodie Van den Bossche-Müller", 0)).matches("elodievand\\d{4}");
		assertThat(Usernames.candidate("李", 0)).matches("ebox\\d{4}");
		assertThat(Usernames.candidate("Jan", 7)).matches("jan\\d{6}");
	}

	private void assertRefused(RegistrationRequest request, Reason reason) {
		assertThatThrownBy(() -> enrolment.register(request))
			.isInstanceOfSatisfying(RegistrationRefusedException.class, ex -> {
				assertThat(ex.reason()).isEqualTo(reason);
				assertThat(ex.messageKey()).isEqualTo("registration.refused." + reason);
			});
	}

	private long countAccounts() {
		return jdbc.sql("SELECT COUNT(*) FROM identity_account").query(Long.class).single();
	}
}
