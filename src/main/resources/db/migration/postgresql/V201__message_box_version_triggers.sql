-- Raises the version of every e-Box whose messages a statement inserted, updated or deleted: once per statement and
-- e-Box, set-based (a COPY of a bulk chunk of 1 000 messages makes one upsert, not one per message), in the writer's
-- transaction, whoever the writer is (the application's code, another instance, an operator's SQL). The e-Boxes are
-- upserted in their order, so two statements raising overlapping sets lock the rows in the same order.
-- Transition tables allow one event per trigger, hence three triggers on one function; a message's recipient never
-- changes, so the new rows of an update name the same e-Boxes as the old ones.
CREATE FUNCTION message_box_version_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO message_box_version (recipient, version)
	SELECT DISTINCT recipient, 1 FROM changed_messages ORDER BY recipient
	ON CONFLICT (recipient) DO UPDATE SET version = message_box_version.version + 1;
	RETURN NULL;
END
$$;

CREATE TRIGGER message_box_version_insert AFTER INSERT ON message
	REFERENCING NEW TABLE AS changed_messages FOR EACH STATEMENT EXECUTE FUNCTION message_box_version_raise();

CREATE TRIGGER message_box_version_update AFTER UPDATE ON message
	REFERENCING NEW TABLE AS changed_messages FOR EACH STATEMENT EXECUTE FUNCTION message_box_version_raise();

CREATE TRIGGER message_box_version_delete AFTER DELETE ON message
	REFERENCING OLD TABLE AS changed_messages FOR EACH STATEMENT EXECUTE FUNCTION message_box_version_raise();

-- TRUNCATE has no transition table: before it empties the table, every e-Box that has messages gets a new version.
CREATE FUNCTION message_box_version_raise_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO message_box_version (recipient, version)
	SELECT DISTINCT recipient, 1 FROM message ORDER BY recipient
	ON CONFLICT (recipient) DO UPDATE SET version = message_box_version.version + 1;
	RETURN NULL;
END
$$;

CREATE TRIGGER message_box_version_truncate BEFORE TRUNCATE ON message
	FOR EACH STATEMENT EXECUTE FUNCTION message_box_version_raise_all();
