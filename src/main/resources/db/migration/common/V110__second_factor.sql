-- Second factor of person accounts: one TOTP authenticator app (RFC 6238) per account, single-use recovery codes,
-- and passkeys (WebAuthn) in the two tables whose names and columns Spring Security's JDBC repositories expect
-- (JdbcPublicKeyCredentialUserEntityRepository, JdbcUserCredentialRepository).

-- confirmed_at is NULL while the person has not yet typed a first code from the app: such a secret is no factor yet.
-- last_step is the highest 30-second step whose code was accepted: a code of that step or an earlier one is refused,
-- so a code seen over a shoulder cannot be used again.
CREATE TABLE identity_totp (
	account_id UUID NOT NULL PRIMARY KEY REFERENCES identity_account (id) ON DELETE CASCADE,
	secret VARCHAR(64) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	confirmed_at TIMESTAMP WITH TIME ZONE,
	last_step BIGINT DEFAULT 0 NOT NULL
);

-- Only the SHA-256 of each code is kept (codes are random, about 60 bits, so a fast hash suffices, as for tokens).
CREATE TABLE identity_recovery_code (
	account_id UUID NOT NULL REFERENCES identity_account (id) ON DELETE CASCADE,
	code_hash VARCHAR(64) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	used_at TIMESTAMP WITH TIME ZONE,
	CONSTRAINT identity_recovery_code_pk PRIMARY KEY (account_id, code_hash)
);

-- user_entities.name is the username (what Spring Security's Authentication#getName answers).
CREATE TABLE user_entities (
	id VARCHAR(1000) NOT NULL PRIMARY KEY,
	name VARCHAR(100) NOT NULL,
	display_name VARCHAR(200),
	CONSTRAINT user_entities_name UNIQUE (name)
);

CREATE TABLE user_credentials (
	credential_id VARCHAR(1000) NOT NULL PRIMARY KEY,
	user_entity_user_id VARCHAR(1000) NOT NULL,
	public_key BYTEA NOT NULL,
	signature_count BIGINT,
	uv_initialized BOOLEAN,
	backup_eligible BOOLEAN NOT NULL,
	authenticator_transports VARCHAR(1000),
	public_key_credential_type VARCHAR(100),
	backup_state BOOLEAN NOT NULL,
	attestation_object BYTEA,
	attestation_client_data_json BYTEA,
	created TIMESTAMP,
	last_used TIMESTAMP,
	label VARCHAR(1000) NOT NULL
);

CREATE INDEX user_credentials_user ON user_credentials (user_entity_user_id);
