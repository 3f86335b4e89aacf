-- The idempotency key of a publication is optional, and most messages have none (no bulk-published one has): the
-- unique constraint still gave every message an index entry (sender_application, NULL), one more index to maintain per
-- published message for nothing, since NULLs never conflict. The same rule as a partial unique index over the messages
-- that have a key; the replay lookup (sender_application = ? AND idempotency_key = ?) implies the index's condition.
-- Dropped and created in one transaction: the rule holds throughout.
ALTER TABLE message DROP CONSTRAINT message_idempotency;
CREATE UNIQUE INDEX message_idempotency ON message (sender_application, idempotency_key)
	WHERE idempotency_key IS NOT NULL;
