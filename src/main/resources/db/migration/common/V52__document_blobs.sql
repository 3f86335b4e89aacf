-- Content-addressed blob store: every content is stored once, under its SHA-256 (hex). The bytes sit in
-- chunks of at most 1 MB so neither a write nor a read ever holds a whole large document in memory.
-- A blob row is inserted in the same transaction as all its chunks: a visible blob is always complete.
CREATE TABLE document_blob (
	sha256 CHAR(64) NOT NULL PRIMARY KEY,
	size BIGINT NOT NULL,
	media_type VARCHAR(150) NOT NULL,
	chunk_count INTEGER NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE document_blob_chunk (
	sha256 CHAR(64) NOT NULL REFERENCES document_blob (sha256),
	seq INTEGER NOT NULL,
	content BYTEA NOT NULL,
	PRIMARY KEY (sha256, seq)
);
