package be.ebox.access.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import be.ebox.access.DesignatedContacts;
import be.ebox.access.ReadingRights;
import be.ebox.identity.AccountId;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcDesignatedContacts implements DesignatedContacts {

	private final JdbcClient jdbc;

	private final ReadingRights rights;

	private final ReferenceData referenceData;

	private final MemberTable members;

	JdbcDesignatedContacts(JdbcClient jdbc, ReadingRights rights, ReferenceData referenceData, MemberTable members) {
		this.jdbc = jdbc;
		this.rights = rights;
		this.referenceData = referenceData;
		this.members = members;
	}

	@Override
	public Optional<AccountId> contactFor(EnterpriseNumber ebox, MessageTypeId type) {
		return readable(stored(ebox, type), ebox, type);
	}

	/** The designated contact, if any, while the person may read the type (an unknown type counts as protected). */
	private Optional<AccountId> readable(Optional<AccountId> stored, EnterpriseNumber ebox, MessageTypeId type) {
		boolean isProtected = referenceData.findMessageType(type).map(t -> t.isProtected()).orElse(true);
		return stored.filter(account -> mayRead(account, ebox, type, isProtected));
	}

	Optional<AccountId> stored(EnterpriseNumber ebox, MessageTypeId type) {
		return jdbc.sql("SELECT account_id FROM access_designated_contact WHERE enterprise_number = ? AND message_type = ?")
			.params(ebox.digits(), type.value())
			.query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
			.optional();
	}

	void designate(EnterpriseNumber ebox, MessageTypeId type, AccountId account) {
		jdbc.sql("DELETE FROM access_designated_contact WHERE enterprise_number = ? AND message_type = ?")
			.params(ebox.digits(), type.value())
			.update();
		if (account != null) {
			jdbc.sql("INSERT INTO access_designated_contact (enterprise_number, message_type, account_id) VALUES (?, ?, ?)")
				.params(ebox.digits(), type.value(), account.value())
				.update();
		}
	}

	@Override
	public List<AccountId> readersOf(EnterpriseNumber ebox, MessageTypeId type, boolean isProtected) {
		return readersAmong(members.all(ebox), ebox, type, isProtected);
	}

	@Override
	public Lookup lookup(Set<EnterpriseNumber> asked) {
		Set<EnterpriseNumber> eboxes = Set.copyOf(asked);
		var stored = new HashMap<String, AccountId>();
		if (!eboxes.isEmpty()) {
			jdbc.sql("""
					SELECT enterprise_number, message_type, account_id FROM access_designated_contact
					WHERE enterprise_number IN (:eboxes)""")
				.param("eboxes", eboxes.stream().map(EnterpriseNumber::digits).toList())
				.query(rs -> {
					stored.put(rs.getString("enterprise_number") + "/" + rs.getString("message_type"),
							new AccountId(rs.getObject("account_id", UUID.class)));
				});
		}
		Map<EnterpriseNumber, List<MemberTable.Row>> all = members.all(eboxes);
		return new Lookup() {

			@Override
			public Optional<AccountId> contactFor(EnterpriseNumber ebox, MessageTypeId type) {
				requireLookedUp(ebox);
				return readable(Optional.ofNullable(stored.get(ebox.digits() + "/" + type.value())), ebox, type);
			}

			@Override
			public List<AccountId> readersOf(EnterpriseNumber ebox, MessageTypeId type, boolean isProtected) {
				requireLookedUp(ebox);
				return readersAmong(all.getOrDefault(ebox, List.of()), ebox, type, isProtected);
			}

			private void requireLookedUp(EnterpriseNumber ebox) {
				if (!eboxes.contains(ebox)) {
					throw new IllegalArgumentException("e-Box " + ebox.digits() + " was not looked up");
				}
			}
		};
	}

	private List<AccountId> readersAmong(List<MemberTable.Row> rows, EnterpriseNumber ebox, MessageTypeId type,
			boolean isProtected) {
		return rows.stream()
			.filter(MemberTable.Row::active)
			.map(MemberTable.Row::account)
			.filter(account -> mayRead(account, ebox, type, isProtected))
			.toList();
	}

	private boolean mayRead(AccountId account, EnterpriseNumber ebox, MessageTypeId type, boolean isProtected) {
		return rights.ofPerson(account, ebox)
			.filter(reader -> reader.actorEnterprise().equals(ebox))
			.map(reader -> reader.mayRead(type, isProtected))
			.orElse(false);
	}
}
