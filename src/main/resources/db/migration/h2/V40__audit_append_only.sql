-- The audit trail is append-only: the application never changes or removes a record, so the database refuses it
-- too (see the PostgreSQL version of this migration). H2 calls a Java class for that; the head may only move forward.
CREATE TRIGGER audit_record_append_only BEFORE UPDATE, DELETE ON audit_record
	FOR EACH ROW CALL 'be.ebox.audit.internal.AppendOnlyTrigger';
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE, DELETE ON audit_head
	FOR EACH ROW CALL 'be.ebox.audit.internal.AppendOnlyTrigger';
