-- The key columns of the registry compare byte by byte (collation "C") instead of by the database's locale.
-- Why: the importer builds these primary keys after a first bulk load (PostgresRegistryKeys); sorting millions of
-- keys through the C library's strcoll, without PostgreSQL's abbreviated keys, took twice as long (denomination
-- 2.0 s -> 1.1 s, address 1.5 s -> 0.9 s for the 2 M-enterprise benchmark). Equality is the same under every
-- deterministic collation; the only orderings the application asks for are of digits (establishment numbers) and of
-- one-letter language codes, identical in "C". A future query joining these columns with a column of the default
-- collation must name a collation (COLLATE "C") on one side.
ALTER TABLE registry_enterprise ALTER COLUMN enterprise_number TYPE CHAR(10) COLLATE "C";
ALTER TABLE registry_establishment ALTER COLUMN establishment_number TYPE CHAR(10) COLLATE "C",
	ALTER COLUMN enterprise_number TYPE CHAR(10) COLLATE "C";
ALTER TABLE registry_denomination ALTER COLUMN entity_number TYPE CHAR(10) COLLATE "C",
	ALTER COLUMN type_of_denomination TYPE CHAR(3) COLLATE "C",
	ALTER COLUMN language TYPE CHAR(1) COLLATE "C",
	ALTER COLUMN denomination TYPE VARCHAR(320) COLLATE "C";
ALTER TABLE registry_address ALTER COLUMN entity_number TYPE CHAR(10) COLLATE "C",
	ALTER COLUMN type_of_address TYPE VARCHAR(4) COLLATE "C";
