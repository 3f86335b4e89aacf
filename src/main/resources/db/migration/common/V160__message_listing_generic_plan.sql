-- The consultation list and the inbox are prepared statements; after five executions PostgreSQL may switch to a generic
-- plan, estimated with no parameter values. For "recipient = $1 AND visible_from <= $2 AND expires_at > $2 ORDER BY
-- published_at DESC, id LIMIT 25" that generic plan preferred this index (both conditions in its index condition),
-- then fetched and sorted every message of the e-Box: 0.9 s for an e-Box of 10 000 messages among 5 000 000, against
-- 0.2 ms along message_recipient_listing (see bench/consultation). message_recipient_listing answers every query this
-- index served (it starts with the recipient and carries expires_at), so the index goes: one index fewer for each
-- published message to maintain, too.
DROP INDEX message_recipient_expires;
