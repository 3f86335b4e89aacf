package be.ebox.notifications.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import be.ebox.identity.AccountId;
import be.ebox.identity.Accounts;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who is told where, in which language, and how often: the people's and the e-Boxes' settings. */
@Repository
class Preferences {

	/** Where an e-mail goes and in which language it is written. */
	record Contact(String address, String language) {
	}

	private final JdbcClient jdbc;

	private final Accounts accounts;

	Preferences(JdbcClient jdbc, Accounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/** The person's own address if verified, else the account's e-mail; empty when there is neither. */
	Optional<Contact> contactOf(AccountId account) {
		var own = jdbc.sql("SELECT address, language FROM notification_person WHERE account_id = ?")
			.param(account.value())
			.query((rs, n) -> new Contact(rs.getString("address"), rs.getString("language")))
			.optional();
		return accounts.find(account).flatMap(a -> {
			String address = own.map(Contact::address).orElse(a.email());
			String language = own.map(Contact::language).orElse(a.language());
			return address == null || address.isBlank() ? Optional.empty()
					: Optional.of(new Contact(address, language == null ? a.language() : language));
		});
	}

	Optional<Contact> ownSettings(AccountId account) {
		return jdbc.sql("SELECT address, language FROM notification_person WHERE account_id = ?")
			.param(account.value())
			.query((rs, n) -> new Contact(rs.getString("address"), rs.getString("language")))
			.optional();
	}

	void saveLanguage(AccountId account, String language, Instant now) {
		if (jdbc.sql("UPDATE notification_person SET language = ?, updated_at = ? WHERE account_id = ?")
			.params(language, Times.db(now), account.value())
			.update() == 0) {
			jdbc.sql("INSERT INTO notification_person (account_id, language, updated_at) VALUES (?, ?, ?)")
				.params(account.value(), language, Times.db(now))
				.update();
		}
	}

	/** Called only once the owner opened the link sent to the address. */
	void saveVerifiedAddress(AccountId account, String address, Instant now) {
		if (jdbc.sql("UPDATE notification_person SET address = ?, updated_at = ? WHERE account_id = ?")
			.params(address, Times.db(now), account.value())
			.update() == 0) {
			jdbc.sql("INSERT INTO notification_person (account_id, address, updated_at) VALUES (?, ?, ?)")
				.params(account.value(), address, Times.db(now))
				.update();
		}
	}

	Mode mode(AccountId account, MessageTypeId type) {
		return jdbc.sql("SELECT mode FROM notification_type_choice WHERE account_id = ? AND message_type = ?")
			.params(account.value(), type.value())
			.query((rs, n) -> Mode.valueOf(rs.getString(1)))
			.optional()
			.orElse(Mode.DAILY);
	}

	Map<MessageTypeId, Mode> modes(AccountId account) {
		Map<MessageTypeId, Mode> modes = new HashMap<>();
		jdbc.sql("SELECT message_type, mode FROM notification_type_choice WHERE account_id = ?")
			.param(account.value())
			.query(rs -> {
				modes.put(new MessageTypeId(rs.getString(1)), Mode.valueOf(rs.getString(2)));
			});
		return modes;
	}

	void saveMode(AccountId account, MessageTypeId type, Mode mode) {
		jdbc.sql("DELETE FROM notification_type_choice WHERE account_id = ? AND message_type = ?")
			.params(account.value(), type.value())
			.update();
		if (mode != Mode.DAILY) {
			jdbc.sql("INSERT INTO notification_type_choice (account_id, message_type, mode) VALUES (?, ?, ?)")
				.params(account.value(), type.value(), mode.name())
				.update();
		}
	}

	Optional<Contact> eboxAddress(EnterpriseNumber ebox) {
		return jdbc.sql("SELECT address, language FROM notification_ebox_address WHERE ebox = ?")
			.param(ebox.digits())
			.query((rs, n) -> new Contact(rs.getString("address"), rs.getString("language")))
			.optional();
	}

	/** Of these e-Boxes, those with an address of their own ({@link #eboxAddress}), with one query. */
	Set<EnterpriseNumber> withEboxAddress(Set<EnterpriseNumber> eboxes) {
		if (eboxes.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("SELECT ebox FROM notification_ebox_address WHERE ebox IN (:eboxes)")
			.param("eboxes", eboxes.stream().map(EnterpriseNumber::digits).toList())
			.query((rs, n) -> EnterpriseNumber.parse(rs.getString(1)))
			.list());
	}

	void saveEboxAddress(EnterpriseNumber ebox, Contact contact, Instant now) {
		removeEboxAddress(ebox);
		jdbc.sql("INSERT INTO notification_ebox_address (ebox, address, language, updated_at) VALUES (?, ?, ?, ?)")
			.params(ebox.digits(), contact.address(), contact.language(), Times.db(now))
			.update();
	}

	void removeEboxAddress(EnterpriseNumber ebox) {
		jdbc.sql("DELETE FROM notification_ebox_address WHERE ebox = ?").param(ebox.digits()).update();
	}
}
