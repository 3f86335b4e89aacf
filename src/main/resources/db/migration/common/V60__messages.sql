-- Messages published into e-Boxes (contract MessageToPublish). The visible-from, due date and acknowledgement columns
-- serve our /api/v1 extensions; a contract publication is visible at once, has no due date, needs no acknowledgement.
CREATE TABLE message (
	id UUID NOT NULL PRIMARY KEY,
	recipient CHAR(10) NOT NULL,
	sender_organisation CHAR(10) NOT NULL,
	sender_application VARCHAR(100) NOT NULL,
	message_type VARCHAR(100) NOT NULL,
	kind VARCHAR(20) NOT NULL,
	published_at TIMESTAMP WITH TIME ZONE NOT NULL,
	visible_from TIMESTAMP WITH TIME ZONE NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
	due_date DATE,
	acknowledgement_required BOOLEAN NOT NULL,
	protected BOOLEAN NOT NULL,
	body_main_content BOOLEAN NOT NULL,
	reply_authorized BOOLEAN NOT NULL,
	registered_mail BOOLEAN NOT NULL,
	original_message_id VARCHAR(100),
	-- JSON as the sender gave it (contract BusinessDataToPublish list, ForTheAttentionOf, PaymentData)
	business_data TEXT,
	for_the_attention_of TEXT,
	payment_data TEXT,
	-- what the publication answered besides the id: NO_DIGITAL_USER when the e-Box was not active
	publication_code VARCHAR(40),
	-- Idempotency-Key of the sender application and the SHA-256 of what it sent with it
	idempotency_key VARCHAR(200),
	request_digest CHAR(64),
	CONSTRAINT message_idempotency UNIQUE (sender_application, idempotency_key)
);

CREATE INDEX message_recipient_published ON message (recipient, published_at DESC);

CREATE TABLE message_content (
	message_id UUID NOT NULL REFERENCES message (id),
	language VARCHAR(2) NOT NULL,
	subject VARCHAR(255),
	body TEXT,
	PRIMARY KEY (message_id, language)
);

CREATE TABLE message_attachment (
	message_id UUID NOT NULL REFERENCES message (id),
	position INTEGER NOT NULL,
	http_part_name VARCHAR(20) NOT NULL,
	file_name VARCHAR(80) NOT NULL,
	media_type VARCHAR(150) NOT NULL,
	size BIGINT NOT NULL,
	blob_sha256 CHAR(64) NOT NULL,
	main_content BOOLEAN NOT NULL,
	signed BOOLEAN NOT NULL,
	title_nl VARCHAR(255),
	title_fr VARCHAR(255),
	title_de VARCHAR(255),
	title_en VARCHAR(255),
	PRIMARY KEY (message_id, position)
);
