-- Fills the message tables of the bench database (already migrated by the application) with :total messages, :mine of
-- them (every (:total / :mine)-th row, interleaved in the heap as real arrivals would be) in the e-Box :'ebox', the
-- others spread over 500 000 other e-Boxes. One content row (nl) per message whose words vary, so that a search
-- finds some messages and not all: the subject carries 'dossier d<i mod 997>'. Plain INSERT ... SELECT
-- generate_series; keys and indexes are dropped first and rebuilt from their own definitions (the schema ends as
-- Flyway left it), as in bench/consultation/generate.sql.
\set ON_ERROR_STOP 1
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';

CREATE TEMPORARY TABLE bench_keys AS
SELECT 1 AS step, format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname,
		pg_get_constraintdef(oid)) AS ddl, format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS undo,
		contype
	FROM pg_constraint
	WHERE conrelid IN ('message'::regclass, 'message_content'::regclass, 'message_attachment'::regclass,
		'message_evidence'::regclass, 'message_reply'::regclass) AND contype IN ('p', 'u', 'f')
UNION ALL
SELECT 2, pg_get_indexdef(i.indexrelid), format('DROP INDEX %s', i.indexrelid::regclass), 'i'
	FROM pg_index i
	WHERE i.indrelid IN ('message'::regclass, 'message_content'::regclass, 'message_attachment'::regclass)
		AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid);
DO $$ DECLARE k record; BEGIN
	FOR k IN SELECT undo FROM bench_keys ORDER BY contype = 'f' DESC, step LOOP EXECUTE k.undo; END LOOP;
END $$;

-- the demo data already published a few messages (with their contents and documents): leave those as they are
CREATE TEMPORARY TABLE bench_before AS SELECT id FROM message;

INSERT INTO message (id, recipient, sender_organisation, sender_application, message_type, kind, published_at,
	visible_from, expires_at, due_date, acknowledgement_required, protected, body_main_content, reply_authorized,
	registered_mail, first_read_at, hidden)
SELECT gen_random_uuid(),
	CASE WHEN i % (:total / :mine) = 0 THEN :'ebox' ELSE lpad((1000000000 + i % 500000 * 7)::text, 10, '0') END,
	'0308357159', 'db2b.SPFETCS-FODWASO.fgov.be',
	CASE WHEN i % 3 = 0 THEN 'SpfFodSocialElections' ELSE 'SpfFodInformation' END, 'DOCUMENT',
	p, p, p + interval '2 years', NULL, k % 7 = 0, k % 3 = 0, TRUE, FALSE, FALSE,
	CASE WHEN k % 4 = 0 THEN p + interval '1 day' END, k % 50 = 0
-- k = i / stride: the e-Box's own messages (every stride-th i) get k = 1, 2, 3 ... so their states vary too
FROM (SELECT i, i / (:total / :mine) AS k, now() - (i * interval '6 seconds') AS p
	FROM generate_series(1, :total) AS i) AS g;

INSERT INTO message_content (message_id, recipient, language, subject, body, search_text)
SELECT id, recipient, 'nl', 'Bericht over dossier D' || n, 'Zie de bijlage voor de details van dossier D' || n || '.',
	'bericht over dossier d' || n || ' zie de bijlage voor de details van dossier d' || n || '.'
FROM (SELECT id, recipient, abs(hashtext(id::text)) % 997 AS n FROM message WHERE id NOT IN (SELECT id FROM bench_before)) AS m;

INSERT INTO message_attachment (message_id, position, http_part_name, file_name, media_type, size, blob_sha256,
	main_content, signed, title_nl)
SELECT id, 1, 'upfile1', 'brief.pdf', 'application/pdf', 204800, repeat('ab', 32), FALSE, FALSE, 'Brief'
FROM message WHERE recipient = :'ebox' AND id NOT IN (SELECT id FROM bench_before);

DO $$ DECLARE k record; BEGIN
	FOR k IN SELECT ddl FROM bench_keys ORDER BY contype = 'f', step LOOP EXECUTE k.ddl; END LOOP;
END $$;

VACUUM ANALYZE message;
VACUUM ANALYZE message_content;
VACUUM ANALYZE message_attachment;
