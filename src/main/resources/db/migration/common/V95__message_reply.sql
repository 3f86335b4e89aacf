-- Replies of an e-Box to messages whose sender allows replies (message.reply_authorized); the sender reads them in
-- its console. Never updated.
CREATE TABLE message_reply (
	id UUID NOT NULL PRIMARY KEY,
	message_id UUID NOT NULL REFERENCES message (id),
	replied_at TIMESTAMP WITH TIME ZONE NOT NULL,
	-- the account id of the person who replied, and the enterprise they read the e-Box for
	actor VARCHAR(100) NOT NULL,
	actor_enterprise CHAR(10) NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX message_reply_message ON message_reply (message_id, replied_at);
