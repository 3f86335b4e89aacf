package be.ebox.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import be.ebox.identity.Account;
import be.ebox.identity.AccountId;
import be.ebox.identity.AccountState;
import be.ebox.identity.Accounts;
import be.ebox.identity.UsernameTakenException;
import be.ebox.system.Languages;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcAccounts implements Accounts {

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final Clock clock;

	JdbcAccounts(JdbcClient jdbc, PasswordEncoder encoder, PasswordPolicy policy, Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.policy = policy;
		this.clock = clock;
	}

	@Override
	@Transactional
	public AccountId createPending(String username, String displayName, String email, String language) {
		if (OperatorAccount.USERNAME.equals(normalize(username))) {
			// reserved for the platform operator, even before its account exists
			throw new UsernameTakenException(username);
		}
		AccountId id = AccountId.random();
		try {
			jdbc.sql("""
					INSERT INTO identity_account (id, username, display_name, email, state, language, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(id.value(), normalize(username), displayName, email, AccountState.PENDING_ACTIVATION.name(),
						language, OffsetDateTime.now(clock))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new UsernameTakenException(username);
		}
		return id;
	}

	@Override
	public Optional<Account> find(AccountId id) {
		return jdbc.sql("SELECT * FROM identity_account WHERE id = ?").param(id.value()).query(JdbcAccounts::account).optional();
	}

	@Override
	public Optional<Account> findByUsername(String username) {
		return jdbc.sql("SELECT * FROM identity_account WHERE username = ?")
			.param(normalize(username))
			.query(JdbcAccounts::account)
			.optional();
	}

	@Override
	@Transactional
	public void choosePassword(AccountId id, String rawPassword) {
		Account account = find(id).orElseThrow(() -> new IllegalArgumentException("No such account"));
		policy.check(account.username(), rawPassword);
		jdbc.sql("UPDATE identity_account SET password_hash = ?, state = ?, password_changed_at = ? WHERE id = ?")
			.params(encoder.encode(rawPassword), AccountState.ACTIVE.name(), OffsetDateTime.now(clock), id.value())
			.update();
	}

	@Override
	public void checkPasswordPolicy(String username, String rawPassword) {
		policy.check(username, rawPassword);
	}

	@Override
	@Transactional
	public void changeLanguage(AccountId id, String language) {
		if (!Languages.isSupported(language)) {
			throw new IllegalArgumentException("Unsupported language");
		}
		jdbc.sql("UPDATE identity_account SET language = ? WHERE id = ? AND language <> ?")
			.params(language, id.value(), language)
			.update();
	}

	/** A new hash for the same password, when the encoder's preferred algorithm or work factor has moved on. */
	void rehash(AccountId id, String rawPassword) {
		jdbc.sql("UPDATE identity_account SET password_hash = ? WHERE id = ?")
			.params(encoder.encode(rawPassword), id.value())
			.update();
	}

	static String normalize(String username) {
		return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
	}

	static Account account(ResultSet rs, int row) throws SQLException {
		return new Account(new AccountId(rs.getObject("id", UUID.class)), rs.getString("username"),
				rs.getString("display_name"), rs.getString("email"), AccountState.valueOf(rs.getString("state")),
				rs.getBoolean("operator"), rs.getString("language"));
	}
}
