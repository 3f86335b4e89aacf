-- The text search of one e-Box (see the PostgreSQL version of this migration, which builds a trigram index). H2 has
-- no trigram index: a plain index on the recipient lets it read only the content rows of that e-Box, then compare.
CREATE INDEX message_content_recipient_search ON message_content (recipient, message_id);
