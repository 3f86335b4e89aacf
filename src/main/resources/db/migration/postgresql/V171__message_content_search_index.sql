-- The text search of one e-Box (the inbox's search box, q= of the consultation API): "search_text LIKE '%word%'" for
-- each word, on the content rows of that e-Box only. Without an index the database visited the content row of every
-- message of the e-Box, scattered over the whole table: 10 000 random reads for an e-Box of 10 000 messages, whatever
-- the words (see bench/inbox). A trigram index (pg_trgm) answers a LIKE '%word%' from the index; btree_gin puts the
-- recipient in the same GIN index, so the scan intersects the e-Box's rows with the rows holding the word's trigrams
-- and reads from the heap only the few content rows left to recheck. Both extensions are "trusted" (PostgreSQL 13+):
-- the database's owner, or a user with CREATE on the database, may create them; otherwise an administrator creates
-- them first (README, "Configuration", Database).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;
-- An extension belongs to the database, in one schema (public when an administrator made it), which need not be on
-- the search path of an application that keeps its tables in a schema of its own: the trigram operator class is
-- named with the extension's schema. (btree_gin's class for the recipient is the type's default: found without it.)
DO $$
BEGIN
	EXECUTE format('CREATE INDEX message_content_recipient_search ON message_content USING gin (recipient, search_text %I.gin_trgm_ops)',
		(SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'));
END
$$;
