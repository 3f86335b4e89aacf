package be.ebox.registry.internal;

import java.time.LocalDate;

/** One valid line of the extract, numbers reduced to their ten digits, empty fields as null. */
sealed interface KboRow {

	record Meta(String variable, String value) implements KboRow {
	}

	record EnterpriseRow(String enterpriseNumber, String status, String juridicalSituation, String typeOfEnterprise,
			String juridicalForm, String juridicalFormCac, LocalDate startDate) implements KboRow {
	}

	record EstablishmentRow(String establishmentNumber, LocalDate startDate, String enterpriseNumber) implements KboRow {
	}

	record DenominationRow(String entityNumber, String language, String typeOfDenomination, String denomination)
			implements KboRow {
	}

	record AddressRow(String entityNumber, String typeOfAddress, String countryNl, String countryFr, String zipcode,
			String municipalityNl, String municipalityFr, String streetNl, String streetFr, String houseNumber,
			String box, String extraAddressInfo, LocalDate dateStrikingOff) implements KboRow {
	}
}
