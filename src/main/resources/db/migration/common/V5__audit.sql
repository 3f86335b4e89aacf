-- Append-only audit trail. Each record carries the SHA-256 of the previous record's hash and its own
-- fields, so changing or removing a record breaks the chain from there on.
CREATE TABLE audit_record (
	seq BIGINT NOT NULL PRIMARY KEY,
	occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
	actor VARCHAR(200) NOT NULL,
	action VARCHAR(100) NOT NULL,
	enterprise_number CHAR(10),
	details VARCHAR(2000),
	previous_hash CHAR(64) NOT NULL,
	hash CHAR(64) NOT NULL
);
CREATE INDEX audit_record_enterprise ON audit_record (enterprise_number, seq);
CREATE INDEX audit_record_action ON audit_record (action, seq);

-- The head of the chain, one row; writers lock it so records are chained one after the other,
-- whatever instance writes them.
CREATE TABLE audit_head (
	id INT NOT NULL PRIMARY KEY,
	last_seq BIGINT NOT NULL,
	last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
