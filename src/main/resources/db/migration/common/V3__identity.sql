-- Person accounts (people who sign in to pages). The platform operator is an account with operator = TRUE.
-- Usernames are stored lower-cased by the code, so a plain unique index makes them case-insensitively unique
-- on H2 and PostgreSQL alike.
CREATE TABLE identity_account (
	id UUID NOT NULL PRIMARY KEY,
	username VARCHAR(100) NOT NULL,
	display_name VARCHAR(200) NOT NULL,
	email VARCHAR(320),
	password_hash VARCHAR(200),
	state VARCHAR(20) NOT NULL,
	operator BOOLEAN DEFAULT FALSE NOT NULL,
	language VARCHAR(2) DEFAULT 'nl' NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	password_changed_at TIMESTAMP WITH TIME ZONE,
	CONSTRAINT identity_account_username UNIQUE (username)
);
