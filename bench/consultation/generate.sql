-- Fills the message tables of the bench database, which the application has already migrated, with :total messages,
-- :mine of them (every (:total / :mine)-th row, so interleaved in the heap as real arrivals would be) in the e-Box
-- :'ebox' and the others spread over 500 000 other e-Boxes. Plain INSERT ... SELECT generate_series: no API, no
-- Java. Each message has one content row (nl); the target's messages also have one PDF attachment.
\set ON_ERROR_STOP 1
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';

-- Loading into bare tables and building the keys afterwards is many times faster than maintaining them row by row.
-- The exact definitions the migrations created are kept and replayed, so the schema ends as Flyway left it.
CREATE TEMPORARY TABLE bench_keys AS
SELECT 1 AS step, format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname,
		pg_get_constraintdef(oid)) AS ddl, format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS undo,
		contype
	FROM pg_constraint
	WHERE (conrelid IN ('message'::regclass, 'message_content'::regclass, 'message_attachment'::regclass,
		'message_evidence'::regclass) AND contype IN ('p', 'u', 'f'))
		-- foreign keys of other modules' tables (replies, ...) hang on the message keys: dropped and restored with them
		OR (contype = 'f' AND confrelid IN ('message'::regclass, 'message_content'::regclass,
			'message_attachment'::regclass, 'message_evidence'::regclass))
UNION ALL
SELECT 2, pg_get_indexdef(i.indexrelid), format('DROP INDEX %s', i.indexrelid::regclass), 'i'
	FROM pg_index i
	WHERE i.indrelid IN ('message'::regclass, 'message_content'::regclass, 'message_attachment'::regclass)
		AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid);
DO $$ DECLARE k record; BEGIN
	FOR k IN SELECT undo FROM bench_keys ORDER BY contype = 'f' DESC, step LOOP EXECUTE k.undo; END LOOP;
END $$;

-- demo mode published a few messages at start: the bench data alone, so that every count below is the generator's
-- CASCADE: tables of other modules that refer to messages (replies, notifications) are emptied too
TRUNCATE message_evidence, message_attachment, message_content, message CASCADE;

INSERT INTO message (id, recipient, sender_organisation, sender_application, message_type, kind, published_at,
	visible_from, expires_at, due_date, acknowledgement_required, protected, body_main_content, reply_authorized,
	registered_mail, first_read_at, hidden)
SELECT gen_random_uuid(),
	CASE WHEN i % (:total / :mine) = 0 THEN :'ebox' ELSE lpad((1000000000 + i % 500000 * 7)::text, 10, '0') END,
	'0308357159', 'db2b.SPFETCS-FODWASO.fgov.be',
	CASE WHEN i % 3 = 0 THEN 'SpfFodSocialElections' ELSE 'SpfFodInformation' END, 'DOCUMENT',
	p, p, p + interval '2 years', NULL, FALSE, i % 3 = 0, TRUE, FALSE, FALSE,
	CASE WHEN i % 4 = 0 THEN p + interval '1 day' END, i % 50 = 0
FROM (SELECT i, now() - (i * interval '6 seconds') AS p FROM generate_series(1, :total) AS i) AS g;

INSERT INTO message_content (message_id, recipient, language, subject, body, search_text)
SELECT id, recipient, 'nl', 'Bericht over uw dossier ' || left(id::text, 8), 'Zie de bijlage voor de details van uw dossier.',
	'bericht over uw dossier ' || left(id::text, 8) || ' zie de bijlage voor de details van uw dossier.'
FROM message;

INSERT INTO message_attachment (message_id, position, http_part_name, file_name, media_type, size, blob_sha256,
	main_content, signed, title_nl)
SELECT id, 1, 'upfile1', 'brief.pdf', 'application/pdf', 204800, repeat('ab', 32), TRUE, FALSE, 'Brief'
FROM message WHERE recipient = :'ebox';

DO $$ DECLARE k record; BEGIN
	FOR k IN SELECT ddl FROM bench_keys ORDER BY contype = 'f', step LOOP EXECUTE k.ddl; END LOOP;
END $$;

VACUUM ANALYZE message;
VACUUM ANALYZE message_content;
VACUUM ANALYZE message_attachment;
