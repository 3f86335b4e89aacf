package be.ebox.senders.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import be.ebox.registry.EnterpriseNumber;
import be.ebox.senders.MessageKind;
import be.ebox.senders.MessageType;
import be.ebox.senders.MessageTypeId;
import be.ebox.senders.ReferenceData;
import be.ebox.senders.SenderApplication;
import be.ebox.senders.SenderApplicationId;
import be.ebox.senders.SenderOrganisation;
import be.ebox.senders.TranslatedText;
import be.ebox.senders.ValidityPeriod;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reference data tables: reads for everyone, writes for the operator pages and the demo data. */
@Service
class JdbcReferenceData implements ReferenceData {

	record Page<T>(List<T> items, int total) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcReferenceData(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	// ---- organisations

	@Override
	public Optional<SenderOrganisation> organisation(EnterpriseNumber number) {
		return jdbc.sql("SELECT * FROM sender_organisation WHERE enterprise_number = ?")
			.param(number.digits())
			.query(JdbcReferenceData::organisation)
			.optional();
	}

	@Override
	public List<SenderOrganisation> organisations() {
		return jdbc.sql("SELECT * FROM sender_organisation ORDER BY short_name_nl, enterprise_number")
			.query(JdbcReferenceData::organisation)
			.list();
	}

	Page<SenderOrganisation> organisations(int offset, int limit) {
		return new Page<>(jdbc.sql("SELECT * FROM sender_organisation ORDER BY enterprise_number LIMIT ? OFFSET ?")
			.params(limit, offset)
			.query(JdbcReferenceData::organisation)
			.list(), count("sender_organisation"));
	}

	/** Inserts or updates; the logo is kept. */
	@Transactional
	void save(SenderOrganisation organisation) {
		var now = OffsetDateTime.now(clock);
		TranslatedText s = organisation.shortName();
		TranslatedText l = organisation.longName();
		int updated = jdbc.sql("""
				UPDATE sender_organisation SET short_name_nl = ?, short_name_fr = ?, short_name_de = ?, short_name_en = ?,
				long_name_nl = ?, long_name_fr = ?, long_name_de = ?, long_name_en = ?, url = ?, contact_business = ?,
				contact_technical = ?, updated_at = ? WHERE enterprise_number = ?""")
			.params(s.nl(), s.fr(), s.de(), s.en(), l.nl(), l.fr(), l.de(), l.en(), organisation.url(),
					organisation.contactBusiness(), organisation.contactTechnical(), now, organisation.number().digits())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO sender_organisation (enterprise_number, short_name_nl, short_name_fr, short_name_de,
					short_name_en, long_name_nl, long_name_fr, long_name_de, long_name_en, url, contact_business,
					contact_technical, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(organisation.number().digits(), s.nl(), s.fr(), s.de(), s.en(), l.nl(), l.fr(), l.de(), l.en(),
						organisation.url(), organisation.contactBusiness(), organisation.contactTechnical(), now, now)
				.update();
		}
	}

	void setLogo(EnterpriseNumber number, SenderOrganisation.Logo logo) {
		jdbc.sql("""
				UPDATE sender_organisation SET logo_sha256 = ?, logo_media_type = ?, logo_size = ?, updated_at = ?
				WHERE enterprise_number = ?""")
			.params(logo.sha256(), logo.mediaType(), logo.size(), OffsetDateTime.now(clock), number.digits())
			.update();
	}

	// ---- applications

	@Override
	public Optional<SenderApplication> findApplication(SenderApplicationId id) {
		return jdbc.sql("SELECT * FROM sender_application WHERE id = ?")
			.param(id.value())
			.query(JdbcReferenceData::application)
			.optional();
	}

	@Override
	public List<SenderApplication> applicationsOf(EnterpriseNumber organisation) {
		return jdbc.sql("SELECT * FROM sender_application WHERE organisation = ? ORDER BY id")
			.param(organisation.digits())
			.query(JdbcReferenceData::application)
			.list();
	}

	List<SenderApplication> applications() {
		return jdbc.sql("SELECT * FROM sender_application ORDER BY id").query(JdbcReferenceData::application).list();
	}

	Page<SenderApplication> applications(int offset, int limit) {
		return new Page<>(jdbc.sql("SELECT * FROM sender_application ORDER BY id LIMIT ? OFFSET ?")
			.params(limit, offset)
			.query(JdbcReferenceData::application)
			.list(), count("sender_application"));
	}

	@Transactional
	void save(SenderApplication application) {
		var now = OffsetDateTime.now(clock);
		TranslatedText n = application.name();
		int updated = jdbc.sql("""
				UPDATE sender_application SET organisation = ?, name_nl = ?, name_fr = ?, name_de = ?, name_en = ?, url = ?,
				contact_business = ?, contact_technical = ?, updated_at = ? WHERE id = ?""")
			.params(application.organisation().digits(), n.nl(), n.fr(), n.de(), n.en(), application.url(),
					application.contactBusiness(), application.contactTechnical(), now, application.id().value())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO sender_application (id, organisation, name_nl, name_fr, name_de, name_en, url,
					contact_business, contact_technical, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(application.id().value(), application.organisation().digits(), n.nl(), n.fr(), n.de(), n.en(),
						application.url(), application.contactBusiness(), application.contactTechnical(), now, now)
				.update();
		}
	}

	// ---- message types

	@Override
	public Optional<MessageType> findMessageType(MessageTypeId id) {
		return jdbc.sql("SELECT * FROM message_type WHERE id = ?")
			.param(id.value())
			.query(messageTypeMapper(businessKeys(jdbc.sql("""
					SELECT message_type, data_key FROM message_type_business_key WHERE message_type = ?
					ORDER BY data_key""").param(id.value()))))
			.optional();
	}

	@Override
	public List<MessageType> messageTypesOf(EnterpriseNumber organisation) {
		return jdbc.sql("SELECT * FROM message_type WHERE organisation = ? ORDER BY id")
			.param(organisation.digits())
			.query(messageTypeMapper(businessKeys(jdbc.sql("""
					SELECT k.message_type, k.data_key FROM message_type_business_key k
					JOIN message_type t ON t.id = k.message_type WHERE t.organisation = ?
					ORDER BY k.message_type, k.data_key""").param(organisation.digits()))))
			.list();
	}

	@Override
	public List<MessageType> messageTypes() {
		return jdbc.sql("SELECT * FROM message_type ORDER BY id").query(messageTypeMapper()).list();
	}

	Page<MessageType> messageTypes(int offset, int limit) {
		return new Page<>(jdbc.sql("SELECT * FROM message_type ORDER BY id LIMIT ? OFFSET ?")
			.params(limit, offset)
			.query(messageTypeMapper())
			.list(), count("message_type"));
	}

	@Transactional
	void save(MessageType type) {
		var now = OffsetDateTime.now(clock);
		TranslatedText n = type.name();
		TranslatedText d = type.description();
		int updated = jdbc.sql("""
				UPDATE message_type SET organisation = ?, name_nl = ?, name_fr = ?, name_de = ?, name_en = ?,
				description_nl = ?, description_fr = ?, description_de = ?, description_en = ?, validity_value = ?,
				validity_unit = ?, protected = ?, kind = ?, updated_at = ? WHERE id = ?""")
			.params(type.organisation().digits(), n.nl(), n.fr(), n.de(), n.en(), d.nl(), d.fr(), d.de(), d.en(),
					type.validity().value(), type.validity().unit().name(), type.isProtected(), type.kind().name(), now,
					type.id().value())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO message_type (id, organisation, name_nl, name_fr, name_de, name_en, description_nl,
					description_fr, description_de, description_en, validity_value, validity_unit, protected, kind,
					created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(type.id().value(), type.organisation().digits(), n.nl(), n.fr(), n.de(), n.en(), d.nl(), d.fr(),
						d.de(), d.en(), type.validity().value(), type.validity().unit().name(), type.isProtected(),
						type.kind().name(), now, now)
				.update();
		}
		jdbc.sql("DELETE FROM message_type_business_key WHERE message_type = ?").param(type.id().value()).update();
		for (String key : type.businessDataKeys()) {
			jdbc.sql("INSERT INTO message_type_business_key (message_type, data_key) VALUES (?, ?)")
				.params(type.id().value(), key)
				.update();
		}
	}

	private int count(String table) {
		String sql = switch (table) {
			case "sender_organisation" -> "SELECT COUNT(*) FROM sender_organisation";
			case "sender_application" -> "SELECT COUNT(*) FROM sender_application";
			case "message_type" -> "SELECT COUNT(*) FROM message_type";
			default -> throw new IllegalArgumentException(table);
		};
		return jdbc.sql(sql).query(Integer.class).single();
	}

	/**
	 * The business keys of every message type, read before the types themselves: read per row inside the types'
	 * row mapper, outside a transaction, they took a second pool connection while holding the first, and busy pages
	 * drained the pool.
	 */
	private Map<String, Set<String>> businessKeys() {
		return businessKeys(jdbc.sql("SELECT message_type, data_key FROM message_type_business_key ORDER BY message_type, data_key"));
	}

	/** The business keys a query of (message type, key) rows reads, e.g. those of one type only. */
	private static Map<String, Set<String>> businessKeys(JdbcClient.StatementSpec query) {
		Map<String, Set<String>> keys = new HashMap<>();
		query.query((ResultSet rs) -> {
			keys.computeIfAbsent(rs.getString(1), type -> new LinkedHashSet<>()).add(rs.getString(2));
		});
		return keys;
	}

	private RowMapper<MessageType> messageTypeMapper() {
		return messageTypeMapper(businessKeys());
	}

	private static RowMapper<MessageType> messageTypeMapper(Map<String, Set<String>> keys) {
		return (rs, row) -> new MessageType(new MessageTypeId(rs.getString("id")),
				EnterpriseNumber.parse(rs.getString("organisation")), text(rs, "name_"), text(rs, "description_"),
				new ValidityPeriod(rs.getInt("validity_value"), ValidityPeriod.Unit.valueOf(rs.getString("validity_unit"))),
				rs.getBoolean("protected"), MessageKind.valueOf(rs.getString("kind")),
				Collections.unmodifiableSet(keys.getOrDefault(rs.getString("id"), Set.of())));
	}

	private static SenderOrganisation organisation(ResultSet rs, int row) throws SQLException {
		String logo = rs.getString("logo_sha256");
		return new SenderOrganisation(EnterpriseNumber.parse(rs.getString("enterprise_number")), text(rs, "short_name_"),
				text(rs, "long_name_"), rs.getString("url"), rs.getString("contact_business"),
				rs.getString("contact_technical"), logo == null ? Optional.empty()
						: Optional.of(new SenderOrganisation.Logo(logo, rs.getString("logo_media_type"), rs.getLong("logo_size"))));
	}

	private static SenderApplication application(ResultSet rs, int row) throws SQLException {
		return new SenderApplication(new SenderApplicationId(rs.getString("id")),
				EnterpriseNumber.parse(rs.getString("organisation")), text(rs, "name_"), rs.getString("url"),
				rs.getString("contact_business"), rs.getString("contact_technical"));
	}

	private static TranslatedText text(ResultSet rs, String prefix) throws SQLException {
		return new TranslatedText(rs.getString(prefix + "nl"), rs.getString(prefix + "fr"), rs.getString(prefix + "de"),
				rs.getString(prefix + "en"));
	}
}
