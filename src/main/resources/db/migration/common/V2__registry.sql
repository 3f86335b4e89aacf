-- Enterprise registry, loaded from the KBO/BCE open-data extract. Numbers are stored as their ten digits.
CREATE TABLE registry_enterprise (
	enterprise_number CHAR(10) NOT NULL PRIMARY KEY,
	status VARCHAR(4) NOT NULL,
	juridical_situation VARCHAR(4),
	type_of_enterprise VARCHAR(2),
	juridical_form VARCHAR(4),
	start_date DATE
);

CREATE TABLE registry_establishment (
	establishment_number CHAR(10) NOT NULL PRIMARY KEY,
	enterprise_number CHAR(10) NOT NULL,
	start_date DATE
);
CREATE INDEX registry_establishment_enterprise ON registry_establishment (enterprise_number);

CREATE TABLE registry_denomination (
	entity_number CHAR(10) NOT NULL,
	language CHAR(1) NOT NULL,
	type_of_denomination CHAR(3) NOT NULL,
	denomination VARCHAR(320) NOT NULL,
	CONSTRAINT registry_denomination_pk PRIMARY KEY (entity_number, type_of_denomination, language, denomination)
);

CREATE TABLE registry_address (
	entity_number CHAR(10) NOT NULL,
	type_of_address VARCHAR(4) NOT NULL,
	country_nl VARCHAR(100),
	country_fr VARCHAR(100),
	zipcode VARCHAR(20),
	municipality_nl VARCHAR(200),
	municipality_fr VARCHAR(200),
	street_nl VARCHAR(200),
	street_fr VARCHAR(200),
	house_number VARCHAR(40),
	box VARCHAR(40),
	extra_address_info VARCHAR(200),
	date_striking_off DATE,
	CONSTRAINT registry_address_pk PRIMARY KEY (entity_number, type_of_address)
);
