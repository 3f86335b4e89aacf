package be.ebox.identity.internal;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import be.ebox.identity.AccountState;
import be.ebox.identity.PasswordPolicyException;
import be.ebox.system.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one platform operator account, {@code operator}, made sure of at every start.
 * <ul>
 * <li>absent and {@code EBOX_OPERATOR_PASSWORD} empty: created with a generated password, shown once on the console;</li>
 * <li>{@code EBOX_OPERATOR_PASSWORD} set: its password, also to reset a forgotten one by restarting with it;</li>
 * <li>a password the policy refuses, or an {@code operator} account that is not the operator: the start fails.</li>
 * </ul>
 * Only the hash is stored.
 */
@Component
class OperatorAccount implements ApplicationRunner {

	static final String USERNAME = "operator";

	static final int GENERATED_LENGTH = 20;

	/** Letters and digits that cannot be mistaken for one another when read off a console. */
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final Logger log = LoggerFactory.getLogger(OperatorAccount.class);

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final String configuredPassword;

	private final SecureRandom random = new SecureRandom();

	OperatorAccount(JdbcClient jdbc, PasswordEncoder encoder, PasswordPolicy policy, Clock clock,
			PlatformTransactionManager transactions, @Value("${ebox.operator.password:}") String configuredPassword) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.policy = policy;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		// System.out, not a logger: log lines are shipped to files and log collectors, kept for months and read by
		// many; a password there is a leaked password. The console of the first start is seen by whoever started it.
		ensurePresent(USERNAME, configuredPassword, System.out);
	}

	/**
	 * Creates or updates the operator account {@code username}; {@code console} receives the generated password.
	 * @throws IllegalStateException when the configured password is refused or the username belongs to a person
	 */
	void ensurePresent(String username, String configured, PrintStream console) {
		boolean isConfigured = configured != null && !configured.isEmpty();
		if (isConfigured) {
			try {
				policy.check(username, configured);
			}
			catch (PasswordPolicyException refused) {
				throw new IllegalStateException("EBOX_OPERATOR_PASSWORD is refused by the password policy (" + refused.reason()
						+ "): use at least " + PasswordPolicy.MINIMUM_LENGTH + " characters, not a common password, "
						+ "and not containing the username '" + username + "'. e-Box does not start with it.");
			}
		}
		Optional<Stored> stored = stored(username);
		if (stored.isEmpty()) {
			String password = isConfigured ? configured : generated(username);
			if (create(username, password) && !isConfigured) {
				banner(console, username, password);
			}
			return;
		}
		if (!stored.get().operator()) {
			throw new IllegalStateException("The account '" + username + "' exists but is not the platform operator; "
					+ "rename that account before starting e-Box.");
		}
		if (isConfigured && (stored.get().hash() == null || !encoder.matches(configured, stored.get().hash()))) {
			transaction.executeWithoutResult(status -> jdbc
				.sql("UPDATE identity_account SET password_hash = ?, state = ?, password_changed_at = ? WHERE username = ?")
				.params(encoder.encode(configured), AccountState.ACTIVE.name(), OffsetDateTime.now(clock), username)
				.update());
			log.info("Operator password set from EBOX_OPERATOR_PASSWORD");
		}
	}

	private Optional<Stored> stored(String username) {
		return jdbc.sql("SELECT password_hash, operator FROM identity_account WHERE username = ?")
			.param(username)
			.query((rs, row) -> new Stored(rs.getString("password_hash"), rs.getBoolean("operator")))
			.optional();
	}

	/** @return false when another instance created it at the same moment (it then showed its own password) */
	private boolean create(String username, String password) {
		try {
			transaction.executeWithoutResult(status -> jdbc.sql("""
					INSERT INTO identity_account (id, username, display_name, email, password_hash, state, operator, language,
					  created_at, password_changed_at)
					VALUES (?, ?, ?, NULL, ?, ?, TRUE, ?, ?, ?)""")
				.params(UUID.randomUUID(), username, "Platform operator", encoder.encode(password), AccountState.ACTIVE.name(),
						Languages.DEFAULT.getLanguage(), OffsetDateTime.now(clock), OffsetDateTime.now(clock))
				.update());
			log.info("Operator account '{}' created", username);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private String generated(String username) {
		while (true) {
			StringBuilder password = new StringBuilder(GENERATED_LENGTH);
			for (int i = 0; i < GENERATED_LENGTH; i++) {
				password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			try {
				policy.check(username, password.toString());
				return password.toString();
			}
			catch (PasswordPolicyException unlikely) {
				// about 116 random bits are never common, but could in theory contain the username: draw again
			}
		}
	}

	private static void banner(PrintStream console, String username, String password) {
		String line = "=".repeat(78);
		console.println();
		console.println(line);
		console.println("  e-Box platform operator account created");
		console.println();
		console.println("    username: " + username);
		console.println("    password: " + password);
		console.println();
		console.println("  This password is shown ONCE and stored only as a hash. Sign in at /login and keep it");
		console.println("  in a password manager. To choose another one, restart with EBOX_OPERATOR_PASSWORD set.");
		console.println(line);
		console.println();
		console.flush();
	}

	private record Stored(String hash, boolean operator) {
	}
}
