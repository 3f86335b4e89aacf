-- OAuth2 for machines. oauth2_registered_client is Spring Authorization Server's JDBC schema (its
-- JdbcRegisteredClientRepository reads and writes it), with TIMESTAMP WITH TIME ZONE as that schema advises
-- for PostgreSQL, and client_id unique. No oauth2_authorization table: client-credentials tokens are
-- self-contained JWTs and we keep no authorization records (see MachineSecurity in senders.internal).
CREATE TABLE oauth2_registered_client (
	id VARCHAR(100) NOT NULL PRIMARY KEY,
	client_id VARCHAR(100) NOT NULL,
	client_id_issued_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
	client_secret VARCHAR(200) DEFAULT NULL,
	client_secret_expires_at TIMESTAMP WITH TIME ZONE DEFAULT NULL,
	client_name VARCHAR(200) NOT NULL,
	client_authentication_methods VARCHAR(1000) NOT NULL,
	authorization_grant_types VARCHAR(1000) NOT NULL,
	redirect_uris VARCHAR(1000) DEFAULT NULL,
	post_logout_redirect_uris VARCHAR(1000) DEFAULT NULL,
	scopes VARCHAR(1000) NOT NULL,
	client_settings VARCHAR(2000) NOT NULL,
	token_settings VARCHAR(2000) NOT NULL,
	CONSTRAINT oauth2_registered_client_client_id UNIQUE (client_id)
);

-- Who a machine client acts for: a sender application (publication) or an enterprise (consultation).
-- Kept after revocation (revoked_at set, the registered client deleted) so the history stays readable.
CREATE TABLE machine_client (
	client_id VARCHAR(100) NOT NULL PRIMARY KEY,
	sender_application VARCHAR(100) REFERENCES sender_application (id),
	enterprise_number CHAR(10),
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	created_by VARCHAR(100) NOT NULL,
	revoked_at TIMESTAMP WITH TIME ZONE,
	revoked_by VARCHAR(100),
	CONSTRAINT machine_client_one_owner CHECK ((sender_application IS NULL) <> (enterprise_number IS NULL))
);
CREATE INDEX machine_client_application ON machine_client (sender_application);
CREATE INDEX machine_client_enterprise ON machine_client (enterprise_number);

-- RSA keys that sign the access tokens, shared by every instance (scale-out: any instance validates any token).
-- The newest active key signs; all active keys are published and accepted, so a new key can be added first and
-- the old one retired after the token lifetime.
CREATE TABLE oauth_signing_key (
	key_id VARCHAR(64) NOT NULL PRIMARY KEY,
	public_key VARCHAR(2000) NOT NULL,
	private_key VARCHAR(4000) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	active BOOLEAN DEFAULT TRUE NOT NULL
);
