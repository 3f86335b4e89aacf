package be.ebox.identity.internal;

import be.ebox.identity.PasswordPolicyException;
import be.ebox.identity.PasswordPolicyException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PasswordPolicyTest {

	private static final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void refusesFewerThanTwelveCharacters() {
		assertThat(reason("alice", "Xk7#pQ2!vLm")).isEqualTo(Reason.TOO_SHORT);
		assertThat(reason("alice", "")).isEqualTo(Reason.TOO_SHORT);
		assertThat(reason("alice", null)).isEqualTo(Reason.TOO_SHORT);
		assertThatCode(() -> policy.check("alice", "Xk7#pQ2!vLm9")).doesNotThrowAnyException();
	}

	@Test
	void countsCharactersNotUtf16Units() {
		// 11 emoji are 22 UTF-16 units but 11 characters
		assertThat(reason("alice", "\uD83D\uDE00".repeat(11))).isEqualTo(Reason.TOO_SHORT);
		assertThatCode(() -> policy.check("alice", "\uD83D\uDE00".repeat(12))).doesNotThrowAnyException();
	}

	/** All of these are in zxcvbn's 10 000 most common passwords (ranks 849 to 2 902) and 12 characters or more. */
	@ParameterizedTest
	@ValueSource(strings = { "qwerty123456", "QWERTY123456", "1qaz2wsx3edc", "123qweasdzxc", "leavemealone" })
	void refusesCommonPasswordsWhateverTheirCase(String common) {
		assertThat(reason("alice", common)).isEqualTo(Reason.TOO_COMMON);
	}

	/** "password1234" is rank 11 382 and "qwertyuiopas" is not in the list: both are outside the top 10 000. */
	@ParameterizedTest
	@ValueSource(strings = { "password1234", "qwertyuiopas" })
	void acceptsPasswordsBeyondTheTopTenThousand(String rare) {
		assertThatCode(() -> policy.check("alice", rare)).doesNotThrowAnyException();
	}

	@Test
	void refusesPasswordsContainingTheUsernameCaseInsensitively() {
		assertThat(reason("Alice.Dupont", "my-ALICE.DUPONT-secret")).isEqualTo(Reason.CONTAINS_USERNAME);
		assertThat(reason("bob", "xxBoBxx-long-enough")).isEqualTo(Reason.CONTAINS_USERNAME);
		assertThatCode(() -> policy.check("bob", "xxBoxBxx-long-enough")).doesNotThrowAnyException();
		assertThatCode(() -> policy.check(null, "xxBoBxx-long-enough")).doesNotThrowAnyException();
	}

	@Test
	void namesTheRuleForTheMessageKey() {
		var refused = catchThrowableOfType(PasswordPolicyException.class, () -> policy.check("alice", "short"));
		assertThat(refused.messageKey()).isEqualTo("password.refused.TOO_SHORT");
	}

	private static Reason reason(String username, String password) {
		var refused = catchThrowableOfType(PasswordPolicyException.class, () -> policy.check(username, password));
		assertThat(refused).as("refused").isNotNull();
		return refused.reason();
	}
}
