-- Second reference, run after copy-baseline.sql has loaded the plain tables: the same rows moved with one
-- INSERT ... SELECT per table into tables shaped exactly like the registry's (V2__registry.sql: typed columns,
-- primary keys, the establishment index), numbers reduced to ten digits and dates parsed in SQL. No validation,
-- no upsert, no batches: what the database alone needs to build the keyed tables. run.sh times the four INSERTs;
-- COPY + these INSERTs is the floor for any importer that loads through a staging table, as ours does.
SET datestyle = 'ISO, DMY';
CREATE TABLE registry_enterprise (
	enterprise_number CHAR(10) NOT NULL PRIMARY KEY, status VARCHAR(4) NOT NULL, juridical_situation VARCHAR(4),
	type_of_enterprise VARCHAR(2), juridical_form VARCHAR(4), juridical_form_cac VARCHAR(4), start_date DATE
);
CREATE TABLE registry_establishment (
	establishment_number CHAR(10) NOT NULL PRIMARY KEY, enterprise_number CHAR(10) NOT NULL, start_date DATE
);
CREATE INDEX registry_establishment_enterprise ON registry_establishment (enterprise_number);
CREATE TABLE registry_denomination (
	entity_number CHAR(10) NOT NULL, language CHAR(1) NOT NULL, type_of_denomination CHAR(3) NOT NULL,
	denomination VARCHAR(320) NOT NULL, import_id BIGINT NOT NULL,
	CONSTRAINT registry_denomination_pk PRIMARY KEY (entity_number, type_of_denomination, language, denomination)
);
CREATE TABLE registry_address (
	entity_number CHAR(10) NOT NULL, type_of_address VARCHAR(4) NOT NULL, country_nl VARCHAR(100),
	country_fr VARCHAR(100), zipcode VARCHAR(20), municipality_nl VARCHAR(200), municipality_fr VARCHAR(200),
	street_nl VARCHAR(200), street_fr VARCHAR(200), house_number VARCHAR(40), box VARCHAR(40),
	extra_address_info VARCHAR(200), date_striking_off DATE, import_id BIGINT NOT NULL,
	CONSTRAINT registry_address_pk PRIMARY KEY (entity_number, type_of_address)
);
\timing on
INSERT INTO registry_enterprise
SELECT replace("EnterpriseNumber", '.', ''), "Status", "JuridicalSituation", "TypeOfEnterprise", "JuridicalForm",
	"JuridicalFormCAC", "StartDate"::date FROM enterprise;
INSERT INTO registry_establishment
SELECT replace("EstablishmentNumber", '.', ''), replace("EnterpriseNumber", '.', ''), "StartDate"::date FROM establishment;
INSERT INTO registry_denomination
SELECT replace("EntityNumber", '.', ''), "Language", "TypeOfDenomination", "Denomination", 1 FROM denomination;
INSERT INTO registry_address
SELECT replace("EntityNumber", '.', ''), "TypeOfAddress", "CountryNL", "CountryFR", "Zipcode", "MunicipalityNL",
	"MunicipalityFR", "StreetNL", "StreetFR", "HouseNumber", "Box", "ExtraAddressInfo", "DateStrikingOff"::date, 1
FROM address;
