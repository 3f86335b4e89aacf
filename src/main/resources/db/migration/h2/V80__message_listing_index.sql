-- The consultation list of one e-Box, newest first with the id as tie-breaker (PostgreSQL also carries the
-- readable-now columns in it; H2 has no INCLUDE). Replaces message_recipient_published.
CREATE INDEX message_recipient_listing ON message (recipient, published_at DESC, id);
DROP INDEX message_recipient_published;
