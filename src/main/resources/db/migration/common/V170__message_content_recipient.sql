-- The e-Box of a content row, copied from its message (which never changes recipient), so a text search can find an
-- e-Box's content rows without visiting every one of its messages first.
ALTER TABLE message_content ADD COLUMN recipient CHAR(10);
UPDATE message_content SET recipient = (SELECT m.recipient FROM message m WHERE m.id = message_content.message_id);
ALTER TABLE message_content ALTER COLUMN recipient SET NOT NULL;
