-- 20 000 enterprises (valid mod-97 numbers), one person each (access manager, AT_ONCE for the type), 5 messages per
-- e-Box = 100 000 messages, and the NEW alert the publication writes for each of them in its own transaction.
\set people 20000
\set per_person 5
CREATE TEMP TABLE bench_person AS
SELECT n, lpad((3000000 + n)::text, 8, '0') || lpad((97 - (3000000 + n) % 97)::text, 2, '0') AS ebox,
       md5('bench-person-' || n)::uuid AS account
FROM generate_series(1, :people) AS n;

INSERT INTO identity_account (id, username, display_name, email, password_hash, state, language, created_at)
SELECT account, 'bench-' || n, 'Bench ' || n, 'bench-' || n || '@example.be', NULL, 'ACTIVE',
       (ARRAY['nl','fr','de','en'])[1 + n % 4], now()
FROM bench_person;

INSERT INTO access_role (enterprise_number, account_id, role, main_of, since)
SELECT ebox, account, 'ACCESS_MANAGER', NULL, now() FROM bench_person;

INSERT INTO notification_type_choice (account_id, message_type, mode)
SELECT account, 'SpfFodInformation', 'AT_ONCE' FROM bench_person;

CREATE TEMP TABLE bench_message AS
SELECT md5('bench-message-' || p.n || '-' || m)::uuid AS id, p.ebox
FROM bench_person p, generate_series(1, :per_person) AS m;

INSERT INTO message (id, recipient, sender_organisation, sender_application, message_type, kind, published_at,
	visible_from, expires_at, due_date, acknowledgement_required, protected, body_main_content, reply_authorized,
	registered_mail)
SELECT id, ebox, '0308357159', 'db2b.SPFETCS-FODWASO.fgov.be', 'SpfFodInformation', 'NOTIFICATION', now(), now(),
       now() + interval '180 days', NULL, FALSE, FALSE, TRUE, FALSE, FALSE
FROM bench_message;

INSERT INTO notification_alert (message_id, ebox, message_type, protected, reason, due_at)
SELECT id, ebox, 'SpfFodInformation', FALSE, 'NEW', now() FROM bench_message ORDER BY ebox, id;
ANALYZE;
