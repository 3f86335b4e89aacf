package be.ebox.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.ebox.registry.Enterprise;
import be.ebox.registry.EnterpriseNumber;
import be.ebox.registry.EnterpriseRegistry;
import be.ebox.registry.PostalAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcEnterpriseRegistry implements EnterpriseRegistry {

	/** KBO language codes of denominations, in the order a name is preferred when several exist. */
	private static final Map<String, String> LANGUAGES = Map.of("2", "nl", "1", "fr", "3", "de", "4", "en", "0", "");

	private final JdbcClient jdbc;

	JdbcEnterpriseRegistry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Enterprise> find(EnterpriseNumber number) {
		// names and office are read after the enterprise's row is closed: read inside its row mapper, outside a
		// transaction, they took a second pool connection while holding the first, and busy pages drained the pool
		return jdbc.sql("""
				SELECT enterprise_number, status, juridical_situation, type_of_enterprise, start_date
				FROM registry_enterprise WHERE enterprise_number = ?""")
			.param(number.digits())
			.query((rs, row) -> new EnterpriseRow(rs.getString("status"), rs.getString("juridical_situation"),
					rs.getString("type_of_enterprise"), rs.getObject("start_date", java.time.LocalDate.class)))
			.optional()
			.map(found -> new Enterprise(number, found.status(), found.juridicalSituation(),
					Enterprise.Type.ofCode(found.type()), found.startDate(), names(number), registeredOffice(number)));
	}

	/** One query: the enterprise's row decides whether it exists, its denominations (if any) give the name. */
	@Override
	public Optional<String> name(EnterpriseNumber number, String language) {
		Map<String, String> names = new LinkedHashMap<>();
		boolean[] exists = { false };
		jdbc.sql("""
				SELECT d.language, d.denomination FROM registry_enterprise e
				LEFT JOIN registry_denomination d ON d.entity_number = e.enterprise_number AND d.type_of_denomination = '001'
				WHERE e.enterprise_number = ? ORDER BY d.language""")
			.param(number.digits())
			.query((ResultSet rs) -> {
				exists[0] = true;
				String denomination = rs.getString("denomination");
				if (denomination != null) {
					names.putIfAbsent(LANGUAGES.getOrDefault(rs.getString("language"), ""), denomination);
				}
			});
		if (!exists[0]) {
			return Optional.empty();
		}
		String name = names.get(language);
		return Optional.of(name != null ? name : names.values().stream().findFirst().orElse(number.formatted()));
	}

	private record EnterpriseRow(String status, String juridicalSituation, String type, java.time.LocalDate startDate) {
	}

	@Override
	public java.util.Set<EnterpriseNumber> existing(java.util.Collection<EnterpriseNumber> numbers) {
		var found = new java.util.HashSet<EnterpriseNumber>();
		var digits = numbers.stream().map(EnterpriseNumber::digits).distinct().toList();
		for (int from = 0; from < digits.size(); from += 1000) {
			jdbc.sql("SELECT enterprise_number FROM registry_enterprise WHERE enterprise_number IN (:numbers)")
				.param("numbers", digits.subList(from, Math.min(from + 1000, digits.size())))
				.query((rs, row) -> EnterpriseNumber.parse(rs.getString(1)))
				.list()
				.forEach(found::add);
		}
		return found;
	}

	@Override
	public List<String> establishmentUnits(EnterpriseNumber number) {
		return jdbc.sql("SELECT establishment_number FROM registry_establishment WHERE enterprise_number = ? ORDER BY establishment_number")
			.param(number.digits())
			.query(String.class)
			.list();
	}

	private Map<String, String> names(EnterpriseNumber number) {
		Map<String, String> names = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT language, denomination FROM registry_denomination
				WHERE entity_number = ? AND type_of_denomination = '001' ORDER BY language""")
			.param(number.digits())
			.query((ResultSet rs) -> {
				names.putIfAbsent(LANGUAGES.getOrDefault(rs.getString("language"), ""), rs.getString("denomination"));
			});
		return names;
	}

	private Optional<PostalAddress> registeredOffice(EnterpriseNumber number) {
		return jdbc.sql("""
				SELECT * FROM registry_address
				WHERE entity_number = ? AND type_of_address = 'REGO' AND date_striking_off IS NULL""")
			.param(number.digits())
			.query(JdbcEnterpriseRegistry::address)
			.optional();
	}

	private static PostalAddress address(ResultSet rs, int row) throws SQLException {
		return new PostalAddress(rs.getString("street_nl"), rs.getString("street_fr"), rs.getString("house_number"),
				rs.getString("box"), rs.getString("zipcode"), rs.getString("municipality_nl"),
				rs.getString("municipality_fr"), rs.getString("country_nl"), rs.getString("country_fr"));
	}
}
