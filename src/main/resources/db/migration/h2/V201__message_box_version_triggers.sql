-- H2 twin of the PostgreSQL triggers: H2 has no transition tables, so a row trigger (a Java class) raises the version
-- of the changed message's e-Box, in the writer's transaction.
CREATE TRIGGER message_box_version_change AFTER INSERT, UPDATE, DELETE ON message FOR EACH ROW
	CALL 'be.ebox.messages.internal.MessageBoxVersionTrigger';
-- TRUNCATE fires no trigger on H2 (the embedded default, one instance): restart the application after one.
