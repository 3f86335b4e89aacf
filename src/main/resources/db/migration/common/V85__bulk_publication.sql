-- Bulk publication (POST /api/v1/publications): a job, its recipient lines cut into chunks, and the lines that failed.
-- A chunk is the unit of work and of exactly-once: a worker locks one pending chunk (FOR UPDATE SKIP LOCKED), publishes
-- its lines and marks it done in the same transaction, so a crash rolls the whole chunk back and another worker (or
-- the restarted instance) takes it again; two instances never hold the same chunk.
CREATE TABLE bulk_publication (
	id UUID NOT NULL PRIMARY KEY,
	sender_application VARCHAR(100) NOT NULL,
	-- the template as JSON (contents with variables, shared documents, schedule); read by the workers
	template TEXT NOT NULL,
	format VARCHAR(10) NOT NULL,
	-- CSV: the column names of the header line
	csv_header TEXT,
	actor VARCHAR(200) NOT NULL,
	state VARCHAR(10) NOT NULL,
	started_at TIMESTAMP WITH TIME ZONE NOT NULL,
	finished_at TIMESTAMP WITH TIME ZONE,
	total BIGINT NOT NULL,
	chunk_count INTEGER NOT NULL,
	chunks_done INTEGER NOT NULL,
	done BIGINT NOT NULL,
	failed BIGINT NOT NULL,
	no_digital_user BIGINT NOT NULL
);
CREATE INDEX bulk_publication_application ON bulk_publication (sender_application, started_at DESC);

CREATE TABLE bulk_publication_chunk (
	job_id UUID NOT NULL REFERENCES bulk_publication (id),
	seq INTEGER NOT NULL,
	-- number of the first line of the chunk in the recipients file (the file's first line is 1)
	first_line BIGINT NOT NULL,
	-- the lines as sent, separated by a line feed; emptied once the chunk is done
	lines TEXT,
	pending BOOLEAN NOT NULL,
	PRIMARY KEY (job_id, seq)
);
CREATE INDEX bulk_publication_chunk_pending ON bulk_publication_chunk (pending, job_id, seq);

CREATE TABLE bulk_publication_failure (
	job_id UUID NOT NULL REFERENCES bulk_publication (id),
	line BIGINT NOT NULL,
	code VARCHAR(40) NOT NULL,
	reason VARCHAR(500) NOT NULL,
	PRIMARY KEY (job_id, line)
);

-- personal documents uploaded with the job (a ZIP), named by the lines; the bytes are in the blob store
CREATE TABLE bulk_publication_document (
	job_id UUID NOT NULL REFERENCES bulk_publication (id),
	file_name VARCHAR(80) NOT NULL,
	blob_sha256 CHAR(64) NOT NULL,
	media_type VARCHAR(150) NOT NULL,
	size BIGINT NOT NULL,
	PRIMARY KEY (job_id, file_name)
);
