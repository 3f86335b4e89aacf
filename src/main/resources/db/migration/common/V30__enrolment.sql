-- e-Boxes of enterprises: one row per legal entity. The primary key on the enterprise number is what
-- guarantees ONE registration per enterprise, also when two registrations race.
CREATE TABLE enrolment_ebox (
	enterprise_number CHAR(10) NOT NULL,
	state VARCHAR(20) NOT NULL,
	registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
	activated_at TIMESTAMP WITH TIME ZONE,
	representative_name VARCHAR(200) NOT NULL,
	email VARCHAR(320) NOT NULL,
	letter_language VARCHAR(2) NOT NULL,
	main_account_id UUID NOT NULL,
	terms_version VARCHAR(20),
	terms_accepted_at TIMESTAMP WITH TIME ZONE,
	CONSTRAINT enrolment_ebox_pk PRIMARY KEY (enterprise_number),
	CONSTRAINT enrolment_ebox_state CHECK (state IN ('REGISTERED', 'ACTIVE'))
);
CREATE INDEX enrolment_ebox_account ON enrolment_ebox (main_account_id);
CREATE INDEX enrolment_ebox_registered ON enrolment_ebox (registered_at);

-- Activation codes: only the SHA-256 of the code is kept. A code works once (used_at), until it expires
-- (expires_at) or a newer letter replaces it (voided_at).
CREATE TABLE enrolment_activation_code (
	id UUID NOT NULL PRIMARY KEY,
	enterprise_number CHAR(10) NOT NULL,
	account_id UUID NOT NULL,
	code_hash CHAR(64) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
	used_at TIMESTAMP WITH TIME ZONE,
	voided_at TIMESTAMP WITH TIME ZONE,
	CONSTRAINT enrolment_activation_code_ebox FOREIGN KEY (enterprise_number) REFERENCES enrolment_ebox (enterprise_number),
	CONSTRAINT enrolment_activation_code_hash UNIQUE (code_hash)
);
CREATE INDEX enrolment_activation_code_account ON enrolment_activation_code (account_id);
CREATE INDEX enrolment_activation_code_enterprise ON enrolment_activation_code (enterprise_number);

-- The postal outbox (print queue) of activation letters. The PDF holds the code in clear text, so it is
-- dropped (set to NULL) once the letter is printed or voided; the metadata stays.
CREATE TABLE enrolment_letter (
	id UUID NOT NULL PRIMARY KEY,
	enterprise_number CHAR(10) NOT NULL,
	activation_code_id UUID NOT NULL,
	addressee VARCHAR(320) NOT NULL,
	language VARCHAR(2) NOT NULL,
	state VARCHAR(10) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	printed_at TIMESTAMP WITH TIME ZONE,
	printed_by VARCHAR(100),
	voided_at TIMESTAMP WITH TIME ZONE,
	pdf BYTEA,
	CONSTRAINT enrolment_letter_state CHECK (state IN ('TO_PRINT', 'PRINTED', 'VOIDED')),
	CONSTRAINT enrolment_letter_code FOREIGN KEY (activation_code_id) REFERENCES enrolment_activation_code (id)
);
CREATE INDEX enrolment_letter_created ON enrolment_letter (created_at);
CREATE INDEX enrolment_letter_enterprise ON enrolment_letter (enterprise_number);
