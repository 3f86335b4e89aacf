-- The consultation list (GET /ebox/messages, the inbox) of one e-Box: newest first with the id as tie-breaker, and
-- the total. The readable-now columns are carried in the index (INCLUDE), so the count of an e-Box of 10 000 messages
-- is an index-only scan instead of 10 000 heap visits scattered over a table of millions (see bench/consultation).
-- It replaces message_recipient_published, whose columns it starts with.
CREATE INDEX message_recipient_listing ON message (recipient, published_at DESC, id)
	INCLUDE (visible_from, expires_at, protected, message_type, hidden, first_read_at);
DROP INDEX message_recipient_published;
