-- The COPY baseline: the same CSV columns as text, no keys, no indexes, no constraints. This is the fastest
-- PostgreSQL can take the extract in; the importer (parsing, validation, typed columns, keys, upserts) is
-- compared with it. run.sh creates these tables in the scratch database ebox_bench_copy, then \copy's each file.
CREATE TABLE enterprise (
	"EnterpriseNumber" text, "Status" text, "JuridicalSituation" text, "TypeOfEnterprise" text,
	"JuridicalForm" text, "JuridicalFormCAC" text, "StartDate" text
);
CREATE TABLE establishment ("EstablishmentNumber" text, "StartDate" text, "EnterpriseNumber" text);
CREATE TABLE denomination ("EntityNumber" text, "Language" text, "TypeOfDenomination" text, "Denomination" text);
CREATE TABLE address (
	"EntityNumber" text, "TypeOfAddress" text, "CountryNL" text, "CountryFR" text, "Zipcode" text,
	"MunicipalityNL" text, "MunicipalityFR" text, "StreetNL" text, "StreetFR" text, "HouseNumber" text,
	"Box" text, "ExtraAddressInfo" text, "DateStrikingOff" text
);
