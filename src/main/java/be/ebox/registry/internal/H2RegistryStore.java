package be.ebox.registry.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import be.ebox.registry.internal.KboRow.AddressRow;
import be.ebox.registry.internal.KboRow.DenominationRow;
import be.ebox.registry.internal.KboRow.EnterpriseRow;
import be.ebox.registry.internal.KboRow.EstablishmentRow;

/** H2 (the embedded default): JDBC batches of H2's {@code MERGE INTO ... KEY (...)} upsert. */
class H2RegistryStore implements RegistryStore {

	@Override
	public void enterprises(Connection connection, Collection<EnterpriseRow> rows, boolean wasEmpty)
			throws SQLException {
		try (var merge = connection.prepareStatement("""
				MERGE INTO registry_enterprise (enterprise_number, status, juridical_situation, type_of_enterprise,
				juridical_form, juridical_form_cac, start_date) KEY (enterprise_number) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
			for (EnterpriseRow row : rows) {
				bind(merge, row.enterpriseNumber(), row.status(), row.juridicalSituation(), row.typeOfEnterprise(),
						row.juridicalForm(), row.juridicalFormCac(), row.startDate());
			}
			merge.executeBatch();
		}
	}

	@Override
	public void establishments(Connection connection, Collection<EstablishmentRow> rows, boolean wasEmpty)
			throws SQLException {
		try (var merge = connection.prepareStatement("""
				MERGE INTO registry_establishment (establishment_number, enterprise_number, start_date)
				KEY (establishment_number) VALUES (?, ?, ?)""")) {
			for (EstablishmentRow row : rows) {
				bind(merge, row.establishmentNumber(), row.enterpriseNumber(), row.startDate());
			}
			merge.executeBatch();
		}
	}

	@Override
	public void denominations(Connection connection, long importId, Collection<DenominationRow> rows, boolean wasEmpty)
			throws SQLException {
		Set<String> entities = new LinkedHashSet<>();
		rows.forEach(row -> entities.add(row.entityNumber()));
		if (!wasEmpty) {
			deleteOthers(connection, "registry_denomination", importId, entities);
		}
		try (var merge = connection.prepareStatement("""
				MERGE INTO registry_denomination (entity_number, language, type_of_denomination, denomination, import_id)
				KEY (entity_number, type_of_denomination, language, denomination) VALUES (?, ?, ?, ?, ?)""")) {
			for (DenominationRow row : rows) {
				bind(merge, row.entityNumber(), row.language(), row.typeOfDenomination(), row.denomination(), importId);
			}
			merge.executeBatch();
		}
	}

	@Override
	public void addresses(Connection connection, long importId, Collection<AddressRow> rows, boolean wasEmpty)
			throws SQLException {
		Set<String> entities = new LinkedHashSet<>();
		rows.forEach(row -> entities.add(row.entityNumber()));
		if (!wasEmpty) {
			deleteOthers(connection, "registry_address", importId, entities);
		}
		try (var merge = connection.prepareStatement("""
				MERGE INTO registry_address (entity_number, type_of_address, country_nl, country_fr, zipcode,
				municipality_nl, municipality_fr, street_nl, street_fr, house_number, box, extra_address_info,
				date_striking_off, import_id) KEY (entity_number, type_of_address)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
			for (AddressRow row : rows) {
				bind(merge, row.entityNumber(), row.typeOfAddress(), row.countryNl(), row.countryFr(), row.zipcode(),
						row.municipalityNl(), row.municipalityFr(), row.streetNl(), row.streetFr(), row.houseNumber(),
						row.box(), row.extraAddressInfo(), row.dateStrikingOff(), importId);
			}
			merge.executeBatch();
		}
	}

	/** {@code table} is one of our two constants, never input. */
	private static void deleteOthers(Connection connection, String table, long importId, Set<String> entities)
			throws SQLException {
		try (var delete = connection
			.prepareStatement("DELETE FROM " + table + " WHERE entity_number = ? AND import_id <> ?")) {
			for (String entity : entities) {
				bind(delete, entity, importId);
			}
			delete.executeBatch();
		}
	}

	private static void bind(PreparedStatement statement, Object... values) throws SQLException {
		for (int i = 0; i < values.length; i++) {
			statement.setObject(i + 1, values[i]);
		}
		statement.addBatch();
	}
}
