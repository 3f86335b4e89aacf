package be.ebox.notifications.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import be.ebox.identity.AccountId;
import be.ebox.messages.MessageId;
import be.ebox.registry.EnterpriseNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the next daily summary of a person, or of an e-Box's general address, counts. */
@Repository
class SummaryItems {

	/** @param account null for the e-Box's general address */
	record Item(long id, AccountId account, EnterpriseNumber ebox, MessageId message, Reason reason) {
	}

	private final JdbcClient jdbc;

	SummaryItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(AccountId account, EnterpriseNumber ebox, MessageId message, Reason reason, Instant now) {
		jdbc.sql("""
				INSERT INTO notification_summary_item (account_id, ebox, message_id, reason, created_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(account == null ? null : account.value(), ebox.digits(), message.value(), reason.name(),
					Times.db(now))
			.update();
	}

	/** The next people (by account id) with items from before {@code before}, after {@code after} (null: first). */
	List<AccountId> people(Instant before, AccountId after, int limit) {
		var query = after == null ? jdbc.sql("""
				SELECT DISTINCT account_id FROM notification_summary_item
				WHERE summarised_at IS NULL AND created_at < :before AND account_id IS NOT NULL
				ORDER BY account_id LIMIT :limit""") : jdbc.sql("""
				SELECT DISTINCT account_id FROM notification_summary_item
				WHERE summarised_at IS NULL AND created_at < :before AND account_id IS NOT NULL AND account_id > :after
				ORDER BY account_id LIMIT :limit""").param("after", after.value());
		return query.param("before", Times.db(before))
			.param("limit", limit)
			.query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
			.list();
	}

	List<EnterpriseNumber> eboxes(Instant before) {
		return jdbc.sql("""
				SELECT DISTINCT ebox FROM notification_summary_item
				WHERE summarised_at IS NULL AND created_at < ? AND account_id IS NULL ORDER BY ebox""")
			.param(Times.db(before))
			.query((rs, n) -> EnterpriseNumber.parse(rs.getString(1)))
			.list();
	}

	List<Item> ofPerson(AccountId account, Instant before) {
		return jdbc.sql("""
				SELECT id, account_id, ebox, message_id, reason FROM notification_summary_item
				WHERE summarised_at IS NULL AND created_at < ? AND account_id = ? ORDER BY id""")
			.params(Times.db(before), account.value())
			.query((rs, n) -> item(rs))
			.list();
	}

	List<Item> ofEbox(EnterpriseNumber ebox, Instant before) {
		return jdbc.sql("""
				SELECT id, account_id, ebox, message_id, reason FROM notification_summary_item
				WHERE summarised_at IS NULL AND created_at < ? AND account_id IS NULL AND ebox = ? ORDER BY id""")
			.params(Times.db(before), ebox.digits())
			.query((rs, n) -> item(rs))
			.list();
	}

	void summarised(List<Item> items, Instant now) {
		List<Long> ids = new ArrayList<>(items.stream().map(Item::id).toList());
		for (int from = 0; from < ids.size(); from += 500) {
			jdbc.sql("UPDATE notification_summary_item SET summarised_at = :now WHERE id IN (:ids)")
				.param("now", Times.db(now))
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
				.update();
		}
	}

	private static Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
		UUID account = rs.getObject("account_id", UUID.class);
		return new Item(rs.getLong("id"), account == null ? null : new AccountId(account),
				EnterpriseNumber.parse(rs.getString("ebox")), new MessageId(rs.getObject("message_id", UUID.class)),
				Reason.valueOf(rs.getString("reason")));
	}
}
