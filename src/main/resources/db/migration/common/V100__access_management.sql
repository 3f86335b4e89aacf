-- Access management inside an enterprise: members who may be deactivated, grants per protected message type,
-- invitations, designated contacts, mandates to service providers and the message types of software clients.

-- A deactivated member keeps their row (and grants) but reads nothing until reactivated.
ALTER TABLE access_role ADD COLUMN deactivated_at TIMESTAMP WITH TIME ZONE;

-- A user may read a protected message type of their enterprise until ends_at (exclusive; NULL: no end).
CREATE TABLE access_grant (
	enterprise_number CHAR(10) NOT NULL,
	account_id UUID NOT NULL,
	message_type VARCHAR(100) NOT NULL,
	ends_at TIMESTAMP WITH TIME ZONE,
	granted_by VARCHAR(100) NOT NULL,
	granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT access_grant_pk PRIMARY KEY (enterprise_number, account_id, message_type),
	CONSTRAINT access_grant_member FOREIGN KEY (enterprise_number, account_id)
		REFERENCES access_role (enterprise_number, account_id) ON DELETE CASCADE
);

-- An invitation by e-mail; only the SHA-256 of its one-time token is stored.
CREATE TABLE access_invitation (
	id UUID NOT NULL PRIMARY KEY,
	enterprise_number CHAR(10) NOT NULL,
	email VARCHAR(320) NOT NULL,
	display_name VARCHAR(200) NOT NULL,
	language VARCHAR(2) NOT NULL,
	token_hash CHAR(64) NOT NULL,
	invited_by VARCHAR(100) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
	accepted_at TIMESTAMP WITH TIME ZONE,
	accepted_by UUID,
	withdrawn_at TIMESTAMP WITH TIME ZONE,
	CONSTRAINT access_invitation_token UNIQUE (token_hash)
);
CREATE INDEX access_invitation_enterprise ON access_invitation (enterprise_number);

-- The person who must act on a message type in an enterprise (notifications send them the alerts).
CREATE TABLE access_designated_contact (
	enterprise_number CHAR(10) NOT NULL,
	message_type VARCHAR(100) NOT NULL,
	account_id UUID NOT NULL,
	CONSTRAINT access_designated_contact_pk PRIMARY KEY (enterprise_number, message_type),
	CONSTRAINT access_designated_contact_member FOREIGN KEY (enterprise_number, account_id)
		REFERENCES access_role (enterprise_number, account_id) ON DELETE CASCADE
);

-- A client enterprise lets a service provider (another enterprise) read chosen message types for a period
-- [starts_at, ends_at).
CREATE TABLE access_mandate (
	id UUID NOT NULL PRIMARY KEY,
	client_enterprise CHAR(10) NOT NULL,
	provider_enterprise CHAR(10) NOT NULL,
	starts_at TIMESTAMP WITH TIME ZONE NOT NULL,
	ends_at TIMESTAMP WITH TIME ZONE NOT NULL,
	created_by VARCHAR(100) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	revoked_at TIMESTAMP WITH TIME ZONE,
	CONSTRAINT access_mandate_not_self CHECK (client_enterprise <> provider_enterprise),
	CONSTRAINT access_mandate_period CHECK (starts_at < ends_at)
);
CREATE INDEX access_mandate_client ON access_mandate (client_enterprise);
CREATE INDEX access_mandate_provider ON access_mandate (provider_enterprise);

CREATE TABLE access_mandate_type (
	mandate_id UUID NOT NULL REFERENCES access_mandate (id) ON DELETE CASCADE,
	message_type VARCHAR(100) NOT NULL,
	CONSTRAINT access_mandate_type_pk PRIMARY KEY (mandate_id, message_type)
);

-- The provider's users its access managers assigned to a mandate (its access managers work on it anyway).
CREATE TABLE access_mandate_assignee (
	mandate_id UUID NOT NULL REFERENCES access_mandate (id) ON DELETE CASCADE,
	account_id UUID NOT NULL,
	CONSTRAINT access_mandate_assignee_pk PRIMARY KEY (mandate_id, account_id)
);

-- Software clients created on the access pages with a choice of message types. A client without a row here
-- (created before, or by the operator) reads everything its enterprise's access managers read.
CREATE TABLE access_software_client (
	client_id VARCHAR(100) NOT NULL PRIMARY KEY,
	enterprise_number CHAR(10) NOT NULL,
	name VARCHAR(200) NOT NULL
);
CREATE TABLE access_software_type (
	client_id VARCHAR(100) NOT NULL REFERENCES access_software_client (client_id) ON DELETE CASCADE,
	message_type VARCHAR(100) NOT NULL,
	CONSTRAINT access_software_type_pk PRIMARY KEY (client_id, message_type)
);
