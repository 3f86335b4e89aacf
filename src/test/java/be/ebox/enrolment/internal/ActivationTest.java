package be.ebox.enrolment.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import be.ebox.enrolment.ActivationRefusedException;
import be.ebox.enrolment.EboxState;
import be.ebox.enrolment.TermsOfUse;
import be.ebox.identity.AccountState;
import be.ebox.identity.Accounts;
import be.ebox.identity.PasswordPolicyException;
import be.ebox.identity.TemporarilyLockedException;
import be.ebox.registry.EnterpriseNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivationTest extends EnrolmentTestSupport {

	static final String PASSWORD = "Correct horse battery staple 42";

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Autowired
	Accounts accounts;

	@Test
	void activationMakesTheEboxActiveOnceAndStoresTheTermsVersion() {
		EnterpriseNumber number = enterprises.legalPerson("Activée SA", "Geactiveerd NV");
		var credentials = enrolment.registerWithCredentials(request(number, "nl"));

		var accountId = enrolment.activate(credentials.username(), credentials.activationCode().toLowerCase(), PASSWORD,
				TermsOfUse.CURRENT_VERSION);

		assertThat(enrolment.state(number)).contains(EboxState.ACTIVE);
		assertThat(accounts.find(accountId).orElseThrow().state()).isEqualTo(AccountState.ACTIVE);
		var row = jdbc.sql("SELECT terms_version, terms_accepted_at, activated_at FROM enrolment_ebox WHERE enterprise_number = ?")
			.param(number.digits()).query().singleRow();
		assertThat(row.get("terms_version")).isEqualTo("1");
		assertThat(row.get("terms_accepted_at")).isNotNull();
		assertThat(row.get("activated_at")).isNotNull();
		assertThat(auditCount(number, "ACTIVATION")).isEqualTo(1);
		// activated before the letter was printed (as demo data does): the letter is of no use any more
		assertThat(outbox.ofEnterprise(number)).extracting(PostalOutbox.Letter::state)
			.containsExactly(PostalOutbox.LetterState.VOIDED);

		// single use
		assertThatThrownBy(() -> enrolment.activate(credentials.username(), credentials.activationCode(), PASSWORD + "x",
				TermsOfUse.CURRENT_VERSION)).isInstanceOf(ActivationRefusedException.class);
		assertThat(auditCount(number, "ACTIVATION_FAILED")).isEqualTo(1);
		// and no new letter for an active e-Box
		assertThatThrownBy(() -> enrolment.issueNewLetter(number, "operator")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theCodeExpiresAfterTheConfiguredValidity() {
		EnterpriseNumber late = enterprises.legalPerson("Tardive SA", "Laat NV");
		EnterpriseNumber inTime = enterprises.legalPerson("À temps SA", "Op tijd NV");
		var lateCredentials = enrolment.registerWithCredentials(request(late, "fr"));
		var inTimeCredentials = enrolment.registerWithCredentials(request(inTime, "fr"));

		clock.advance(Duration.ofDays(29).plusHours(23));
		enrolment.activate(inTimeCredentials.username(), inTimeCredentials.activationCode(), PASSWORD,
				TermsOfUse.CURRENT_VERSION);
		clock.advance(Duration.ofHours(2));
		assertThatThrownBy(() -> enrolment.verifyActivationCode(lateCredentials.username(),
				lateCredentials.activationCode(), nextAddress()))
			.isInstanceOf(ActivationRefusedException.class);

		assertThat(enrolment.state(inTime)).contains(EboxState.ACTIVE);
		assertThat(enrolment.state(late)).contains(EboxState.REGISTERED);
		assertThat(jdbc.sql("SELECT details FROM audit_record WHERE enterprise_number = ? AND action = 'ACTIVATION_FAILED'")
			.param(late.digits()).query(String.class).list()).containsExactly("code expired");
	}

	@Test
	void aNewLetterVoidsTheOldCodeAtOnce() {
		EnterpriseNumber number = enterprises.legalPerson("Perdue SA", "Verloren NV");
		var credentials = enrolment.registerWithCredentials(request(number, "de"));
		var verifiedWithOldCode = enrolment.verifyActivationCode(credentials.username(), credentials.activationCode(),
				nextAddress());

		enrolment.issueNewLetter(number, "operator");

		assertThatThrownBy(() -> enrolment.verifyActivationCode(credentials.username(), credentials.activationCode(),
				nextAddress())).isInstanceOf(ActivationRefusedException.class);
		// also a code proven just before the new letter no longer completes
		assertThatThrownBy(() -> enrolment.completeActivation(verifiedWithOldCode, PASSWORD, TermsOfUse.CURRENT_VERSION))
			.isInstanceOf(ActivationRefusedException.class);
		var letters = outbox.ofEnterprise(number);
		assertThat(letters).extracting(PostalOutbox.Letter::state)
			.containsExactly(PostalOutbox.LetterState.VOIDED, PostalOutbox.LetterState.TO_PRINT);
		assertThat(outbox.pdf(letters.get(0).id())).isEmpty();
		assertThat(auditCount(number, "ACTIVATION_LETTER_REISSUED")).isEqualTo(1);

		String newCode = codeIn(letterText(number));
		assertThat(newCode).isNotEqualTo(credentials.activationCode());
		enrolment.activate(credentials.username(), newCode, PASSWORD, TermsOfUse.CURRENT_VERSION);
		assertThat(enrolment.state(number)).contains(EboxState.ACTIVE);
	}

	@Test
	void weakPasswordsAreRefusedWithTheirReasonAndChangeNothing() {
		EnterpriseNumber number = enterprises.legalPerson("Faible SA", "Zwak NV");
		var credentials = enrolment.registerWithCredentials(request(number, "nl"));
		var verified = enrolment.verifyActivationCode(credentials.username(), credentials.activationCode(), nextAddress());

		assertRefusedPassword(verified, "short", "password.refused.TOO_SHORT");
		assertRefusedPassword(verified, "qwerty123456", "password.refused.TOO_COMMON");
		assertRefusedPassword(verified, "my " + credentials.username() + " is long", "password.refused.CONTAINS_USERNAME");

		assertThat(enrolment.state(number)).contains(EboxState.REGISTERED);
		assertThat(accounts.findByUsername(credentials.username()).orElseThrow().state())
			.isEqualTo(AccountState.PENDING_ACTIVATION);
		// the code was not consumed by the refused attempts
		enrolment.completeActivation(verified, PASSWORD, TermsOfUse.CURRENT_VERSION);
		assertThat(enrolment.state(number)).contains(EboxState.ACTIVE);
	}

	@Test
	void everyWrongInputGetsTheSameRefusal() {
		EnterpriseNumber number = enterprises.legalPerson("Générique SA", "Generiek NV");
		var credentials = enrolment.registerWithCredentials(request(number, "nl"));
		String address = nextAddress();

		var unknownUser = catchRefusal(() -> enrolment.verifyActivationCode("nobody-" + System.nanoTime(),
				credentials.activationCode(), address));
		var wrongCode = catchRefusal(() -> enrolment.verifyActivationCode(credentials.username(),
				"AAAA-BBBB-CCCC-DDDD", address));
		var garbage = catchRefusal(() -> enrolment.verifyActivationCode(credentials.username(), "", address));

		assertThat(unknownUser.getMessage()).isEqualTo(wrongCode.getMessage()).isEqualTo(garbage.getMessage());
		assertThat(unknownUser.messageKey()).isEqualTo("activation.refused");
		assertThat(auditCount(number, "ACTIVATION_FAILED")).isEqualTo(2);
	}

	@Test
	void repeatedFailuresLockTheUsernameOut() {
		EnterpriseNumber number = enterprises.legalPerson("Verrou SA", "Slot NV");
		var credentials = enrolment.registerWithCredentials(request(number, "nl"));
		String address = nextAddress();
		int attempts = 0;
		boolean locked = false;
		while (!locked && attempts < 50) {
			attempts++;
			try {
				enrolment.verifyActivationCode(credentials.username(), "AAAA-BBBB-CCCC-DDDD", address);
			}
			catch (ActivationRefusedException ex) {
				// counted
			}
			catch (TemporarilyLockedException ex) {
				locked = true;
			}
		}
		assertThat(locked).as("locked within 50 attempts").isTrue();
		// even the right code is refused while locked
		assertThatThrownBy(() -> enrolment.verifyActivationCode(credentials.username(), credentials.activationCode(),
				address)).isInstanceOf(TemporarilyLockedException.class);
	}

	@Test
	void onlyTheCurrentTermsVersionCanBeAccepted() {
		EnterpriseNumber number = enterprises.legalPerson("Conditions SA", "Voorwaarden NV");
		var credentials = enrolment.registerWithCredentials(request(number, "nl"));
		assertThatThrownBy(() -> enrolment.activate(credentials.username(), credentials.activationCode(), PASSWORD, "0"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(enrolment.state(number)).contains(EboxState.REGISTERED);
	}

	private void assertRefusedPassword(be.ebox.enrolment.VerifiedActivation verified, String password, String key) {
		assertThatThrownBy(() -> enrolment.completeActivation(verified, password, TermsOfUse.CURRENT_VERSION))
			.isInstanceOfSatisfying(PasswordPolicyException.class, ex -> assertThat(ex.messageKey()).isEqualTo(key));
	}

	private static ActivationRefusedException catchRefusal(Runnable attempt) {
		try {
			attempt.run();
		}
		catch (ActivationRefusedException ex) {
			return ex;
		}
		throw new AssertionError("not refused");
	}

	static String nextAddress() {
		return "192.0.2." + ADDRESSES.incrementAndGet() % 250 + "-" + System.nanoTime();
	}
}
