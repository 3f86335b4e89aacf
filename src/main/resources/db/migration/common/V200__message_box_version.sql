-- The version of each e-Box's messages: raised in the same transaction as every insert, update or delete of a message
-- row of that e-Box (by the triggers of V201), so a total of the e-Box counted at version N is still exact while the
-- version reads N (and no message has become visible or expired since; see JdbcMessages.list, MessageTotals).
-- No row: version 0, no message changed since this table exists.
CREATE TABLE message_box_version (
	recipient CHAR(10) NOT NULL PRIMARY KEY,
	version BIGINT NOT NULL
);
