-- Reference data of the Message Registry: who sends (organisations, their applications) and what (message types).
-- Names are kept in the four product languages; the contract exposes nl/fr/de.

CREATE TABLE sender_organisation (
	enterprise_number CHAR(10) NOT NULL PRIMARY KEY,
	short_name_nl VARCHAR(200) NOT NULL,
	short_name_fr VARCHAR(200) NOT NULL,
	short_name_de VARCHAR(200) NOT NULL,
	short_name_en VARCHAR(200) NOT NULL,
	long_name_nl VARCHAR(500),
	long_name_fr VARCHAR(500),
	long_name_de VARCHAR(500),
	long_name_en VARCHAR(500),
	url VARCHAR(500),
	contact_business VARCHAR(500),
	contact_technical VARCHAR(500),
	-- the logo bytes live in the content-addressed blob store; the image id is their SHA-256
	logo_sha256 CHAR(64),
	logo_media_type VARCHAR(50),
	logo_size BIGINT,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sender_application (
	id VARCHAR(100) NOT NULL PRIMARY KEY,
	organisation CHAR(10) NOT NULL REFERENCES sender_organisation (enterprise_number),
	name_nl VARCHAR(200) NOT NULL,
	name_fr VARCHAR(200) NOT NULL,
	name_de VARCHAR(200) NOT NULL,
	name_en VARCHAR(200) NOT NULL,
	url VARCHAR(500),
	contact_business VARCHAR(500),
	contact_technical VARCHAR(500),
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sender_application_organisation ON sender_application (organisation);

CREATE TABLE message_type (
	id VARCHAR(100) NOT NULL PRIMARY KEY,
	organisation CHAR(10) NOT NULL REFERENCES sender_organisation (enterprise_number),
	name_nl VARCHAR(200) NOT NULL,
	name_fr VARCHAR(200) NOT NULL,
	name_de VARCHAR(200) NOT NULL,
	name_en VARCHAR(200) NOT NULL,
	description_nl VARCHAR(1000),
	description_fr VARCHAR(1000),
	description_de VARCHAR(1000),
	description_en VARCHAR(1000),
	validity_value INTEGER NOT NULL CHECK (validity_value BETWEEN 1 AND 1200),
	validity_unit VARCHAR(5) NOT NULL CHECK (validity_unit IN ('DAY', 'MONTH', 'YEAR')),
	protected BOOLEAN NOT NULL,
	kind VARCHAR(12) NOT NULL CHECK (kind IN ('DOCUMENT', 'NOTIFICATION', 'TASK')),
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX message_type_organisation ON message_type (organisation);

-- the business-data keys a publication of this type may carry
CREATE TABLE message_type_business_key (
	message_type VARCHAR(100) NOT NULL REFERENCES message_type (id) ON DELETE CASCADE,
	data_key VARCHAR(100) NOT NULL,
	PRIMARY KEY (message_type, data_key)
);
