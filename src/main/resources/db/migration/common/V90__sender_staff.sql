-- Staff of a sender organisation: person accounts that use the sender console for that organisation only.
-- One organisation per account; the operator assigns and removes them.
CREATE TABLE console_staff (
	account_id UUID NOT NULL PRIMARY KEY REFERENCES identity_account (id),
	organisation CHAR(10) NOT NULL,
	assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
	assigned_by VARCHAR(100) NOT NULL
);
CREATE INDEX console_staff_organisation ON console_staff (organisation);

-- The sender console lists an organisation's messages newest first and counts its reads.
CREATE INDEX message_sender_organisation ON message (sender_organisation, published_at DESC);
