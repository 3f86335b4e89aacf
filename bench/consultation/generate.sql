-- Fills the message tables of the bench database, which the application has already migrated, with :total messages,
-- :mine of them (every (:total / :mine)-th row, so interleaved in the heap as real arrivals would be) in the e-Box
-- :'ebox' and the others spread over 500 000 other e-Boxes. Plain INSERT ... SELECT generate_series: no API, no
-- Java. Each message has one content row (nl); the target's messages also have one PDF attachment.
\set ON_ERROR_STOP 1
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';

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

INSERT INTO message_content (message_id, language, subject, body, search_text)
SELECT id, 'nl', 'Bericht over uw dossier ' || left(id::text, 8), 'Zie de bijlage voor de details van uw dossier.',
	'bericht over uw dossier ' || left(id::text, 8) || ' zie de bijlage voor de details van uw dossier.'
FROM message;

INSERT INTO message_attachment (message_id, position, http_part_name, file_name, media_type, size, blob_sha256,
	main_content, signed, title_nl)
SELECT id, 1, 'upfile1', 'brief.pdf', 'application/pdf', 204800, repeat('ab', 32), TRUE, FALSE, 'Brief'
FROM message WHERE recipient = :'ebox';

VACUUM ANALYZE message;
VACUUM ANALYZE message_content;
VACUUM ANALYZE message_attachment;
