package be.ebox.testsupport;

import java.util.concurrent.ThreadLocalRandom;

import be.ebox.registry.EnterpriseNumber;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes registry rows for tests, with fresh valid enterprise numbers (mod-97) so tests never collide. */
public class TestEnterprises {

	private final JdbcClient jdbc;

	public TestEnterprises(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static EnterpriseNumber freshNumber() {
		long base = ThreadLocalRandom.current().nextLong(3_000_000, 19_999_999);
		return EnterpriseNumber.parse(String.format("%08d%02d", base, 97 - base % 97));
	}

	/** An active legal person with a Dutch and a French name and a registered office in Liège. */
	public EnterpriseNumber legalPerson(String nameFr, String nameNl) {
		return enterprise("AC", "000", "2", nameFr, nameNl, true);
	}

	public EnterpriseNumber enterprise(String status, String juridicalSituation, String type, String nameFr, String nameNl,
			boolean withRegisteredOffice) {
		EnterpriseNumber number = freshNumber();
		jdbc.sql("""
				INSERT INTO registry_enterprise (enterprise_number, status, juridical_situation, type_of_enterprise,
					juridical_form, start_date) VALUES (?, ?, ?, ?, '014', DATE '2001-02-03')""")
			.params(number.digits(), status, juridicalSituation, type)
			.update();
		jdbc.sql("INSERT INTO registry_denomination (entity_number, language, type_of_denomination, denomination, import_id) VALUES (?, '1', '001', ?, 0)").params(number.digits(), nameFr).update();
		jdbc.sql("INSERT INTO registry_denomination (entity_number, language, type_of_denomination, denomination, import_id) VALUES (?, '2', '001', ?, 0)").params(number.digits(), nameNl).update();
		if (withRegisteredOffice) {
			jdbc.sql("""
					INSERT INTO registry_address (entity_number, type_of_address, country_nl, country_fr, zipcode,
						municipality_nl, municipality_fr, street_nl, street_fr, house_number, box, import_id)
					VALUES (?, 'REGO', 'België', 'Belgique', '4000', 'Luik', 'Liège', 'Sint-Lambertusplein',
						'Place Saint-Lambert', '18', 'B', 0)""")
				.param(number.digits())
				.update();
		}
		return number;
	}

	public void establishment(EnterpriseNumber enterprise, String establishmentNumber) {
		jdbc.sql("INSERT INTO registry_establishment (establishment_number, enterprise_number) VALUES (?, ?)")
			.params(establishmentNumber, enterprise.digits())
			.update();
	}
}
