-- Roles of person accounts inside an enterprise's e-Box.
CREATE TABLE access_role (
	enterprise_number CHAR(10) NOT NULL,
	account_id UUID NOT NULL,
	role VARCHAR(30) NOT NULL,
	-- equals enterprise_number on the main access manager's row and is NULL elsewhere: the unique
	-- constraint then allows one main access manager per enterprise (H2 has no partial indexes)
	main_of CHAR(10),
	since TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT access_role_pk PRIMARY KEY (enterprise_number, account_id),
	CONSTRAINT access_role_one_main UNIQUE (main_of),
	CONSTRAINT access_role_main_consistent CHECK ((role = 'MAIN_ACCESS_MANAGER' AND main_of = enterprise_number) OR (role <> 'MAIN_ACCESS_MANAGER' AND main_of IS NULL))
);
CREATE INDEX access_role_account ON access_role (account_id);
