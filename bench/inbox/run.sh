#!/usr/bin/env bash
# Inbox benchmark: the web inbox page and a search of a signed-in person whose e-Box holds MINE messages, in a
# PostgreSQL database of TOTAL messages, under concurrent load from a separate process (InboxLoad.java), next to the
# baseline "frame": the start page / of the same application with the same session (page frame, session, template,
# no message query) in the same run. See bench/README.md, section Inbox.
#
#   bench/inbox/run.sh [TOTAL=5000000] [MINE=10000]
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), CONNECTIONS (20), WARMUP (10 s), DURATION
# (20 s per measured run), ROUNDS (1), KEEP_DATA (0: drop the database at the end; 1 keeps it for the next run),
# APP_HEAP (1g), EBOX_JAR (use that jar, do not build), BENCH_DB (ebox_bench_inbox), BENCH_PORT (8181),
# APP_OPTS (extra JVM options of the application, e.g. a flight recording), SEARCH (dossier d123).
set -euo pipefail

TOTAL="${1:-5000000}"; TOTAL="${TOTAL//_/}"
MINE="${2:-10000}"; MINE="${MINE//_/}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGOPTIONS="${PGOPTIONS:--c client_min_messages=warning}"
DB="${BENCH_DB:-ebox_bench_inbox}"
EBOX=0412345614  # the demo e-Box of demo-nl, its main access manager
PORT="${BENCH_PORT:-8181}"
SECRET=bench-secret-not-for-production
CONNECTIONS="${CONNECTIONS:-20}"
WARMUP="${WARMUP:-10}"
SECONDS_RUN="${DURATION:-20}"
ROUNDS="${ROUNDS:-1}"
KEEP_DATA="${KEEP_DATA:-0}"
SEARCH="${SEARCH:-dossier d123}"
BASE="http://127.0.0.1:$PORT"
INBOX="/ebox/$EBOX/messages"
FOUND="$INBOX?q=$(printf '%s' "$SEARCH" | sed 's/ /+/g')"

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
mkdir -p "$OUT"

application_jar

have=0
if psql_q -d "$DB" -tAc "SELECT 1" >/dev/null 2>&1; then
	have=$(psql_q -d "$DB" -tAc "SELECT COUNT(*) FROM message" 2>/dev/null || echo 0)
fi
if (( have < TOTAL )); then
	log "creating database $DB"
	psql_q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
fi

log "starting the application on port $PORT (log: out/app.log)"
EBOX_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" EBOX_DB_USER="$PGUSER" EBOX_DB_PASSWORD="${PGPASSWORD:-}" \
	EBOX_DEMO=true EBOX_DEMO_SECRET="$SECRET" EBOX_PORT="$PORT" EBOX_DATA_DIR="$OUT/data" \
	java -Xmx"${APP_HEAP:-1g}" ${APP_OPTS:-} -jar "$JAR" >"$OUT/app.log" 2>&1 &
APP=$!
cleanup() {
	kill $APP 2>/dev/null || true
	wait $APP 2>/dev/null || true
	if [[ "$KEEP_DATA" != 1 ]]; then psql_q -d postgres -c "DROP DATABASE IF EXISTS $DB" || true; fi
}
trap cleanup EXIT
for _ in $(seq 1 240); do
	if curl -fsS "$BASE/actuator/health" >/dev/null 2>&1; then break; fi
	kill -0 $APP 2>/dev/null || { log "the application did not start, see out/app.log"; exit 1; }
	sleep 1
done
curl -fsS "$BASE/actuator/health" >/dev/null

if (( have < TOTAL )); then
	log "generating $TOTAL messages, $MINE in e-Box $EBOX (SQL generate_series)"
	t0=$(date +%s)
	psql_q -d "$DB" -v total="$TOTAL" -v mine="$MINE" -v ebox="$EBOX" -f "$HERE/generate.sql"
	GENERATION=$(( $(date +%s) - t0 ))
	log "generated in $GENERATION s"
else
	GENERATION="reused"
fi
IN_EBOX=$(psql_q -d "$DB" -tAc "SELECT COUNT(*) FROM message WHERE recipient = '$EBOX'")
ALL=$(psql_q -d "$DB" -tAc "SELECT COUNT(*) FROM message")

# signs demo-nl in as a browser does (CSRF token of the login page, then the form, then the second step) and keeps the
# session cookie
JARFILE="$OUT/cookies.txt"; rm -f "$JARFILE"
CSRF=$(curl -fsS -c "$JARFILE" -b "$JARFILE" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -fsS -o /dev/null -c "$JARFILE" -b "$JARFILE" --data-urlencode "username=demo-nl" \
	--data-urlencode "password=$SECRET" --data-urlencode "_csrf=$CSRF" "$BASE/login"
# demo-nl is an access manager: the second step of signing in. This scratch database gives it an authenticator app and
# a fresh single-use recovery code (stored as e-Box stores them: SHA-256 hex of the code without its dash), typed in.
RECOVERY=$(head -c 10 /dev/urandom | od -An -tx1 | tr -d ' \n')
psql_q -d "$DB" -c "INSERT INTO identity_totp (account_id, secret, created_at, confirmed_at)
	SELECT id, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', now(), now() FROM identity_account WHERE username = 'demo-nl'
	ON CONFLICT (account_id) DO NOTHING" \
	-c "INSERT INTO identity_recovery_code (account_id, code_hash, created_at)
	SELECT id, '$(printf '%s' "$RECOVERY" | sha256sum | cut -d' ' -f1)', now() FROM identity_account WHERE username = 'demo-nl'"
CSRF=$(curl -fsS -c "$JARFILE" -b "$JARFILE" "$BASE/second-factor" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -fsS -o /dev/null -c "$JARFILE" -b "$JARFILE" --data-urlencode "code=${RECOVERY:0:10}-${RECOVERY:10}" \
	--data-urlencode "_csrf=$CSRF" "$BASE/second-factor"
COOKIE=$(awk '$6 == "SESSION" { print "SESSION=" $7 }' "$JARFILE")
[[ -n "$COOKIE" ]] || { log "sign-in failed"; exit 1; }
SHOWN=$(curl -fsS -H "Cookie: $COOKIE" "$BASE$INBOX" | grep -o 'id="result-count"[^<]*' | sed 's/.*>//')
FOUND_TEXT=$(curl -fsS -H "Cookie: $COOKIE" "$BASE$FOUND" | grep -o 'id="result-count"[^<]*' | sed 's/.*>//')
[[ -n "$SHOWN" ]] || { log "the inbox page shows no result count: the sign-in or its second step failed"; exit 1; }
log "inbox: $SHOWN; search '$SEARCH': $FOUND_TEXT"

log "query plans (out/explain.txt)"
# The inbox page and the search as the application sends them (MessageListing.list: the page and its total in one
# statement; the search from message_content_search_short, V210, the longer texts through message_content_search_long),
# custom and generic plan (a prepared statement may switch to the generic plan after five executions, see migration
# V160); the search also with a word of every message (bijlage) and with a word of none.
WORDS=$(printf '%s' "$SEARCH" | tr 'A-Z' 'a-z')
FIRST="${WORDS%% *}" SECOND="${WORDS##* }"
# the application puts the likely rarest word first (SearchText.likePatterns: with a digit, then longer)
d1=0 d2=0
[[ "$FIRST" =~ [0-9] ]] && d1=1
[[ "$SECOND" =~ [0-9] ]] && d2=1
if (( d2 > d1 || (d2 == d1 && ${#SECOND} > ${#FIRST}) )); then
	FIRST="${WORDS##* }" SECOND="${WORDS%% *}"
fi
listing() { # the list without words, its total counted (the first page, or after a write to the e-Box)
	local where="m.recipient = \$1 AND m.hidden = FALSE" now="m.visible_from <= \$2 AND m.expires_at > \$2"
	printf '%s' "WITH page AS (SELECT m.* FROM message m WHERE $where AND $now ORDER BY m.published_at DESC, m.id
	LIMIT 25 OFFSET 0) SELECT t.total, COALESCE((SELECT b.version FROM message_box_version b WHERE b.recipient = \$1), 0)
	AS box_version, t.next_visible, t.next_expiry, p.* FROM (SELECT COUNT(*) FILTER (WHERE $now) AS total,
	MIN(m.visible_from) FILTER (WHERE m.visible_from > \$2) AS next_visible,
	MIN(m.expires_at) FILTER (WHERE m.expires_at > \$2) AS next_expiry FROM message m WHERE $where) t
	LEFT JOIN page p ON TRUE ORDER BY p.published_at DESC, p.id"
}
paged() { # the list without words when its total is known at the e-Box's version: the page and the version only
	local where="m.recipient = \$1 AND m.hidden = FALSE AND m.visible_from <= \$2 AND m.expires_at > \$2"
	printf '%s' "WITH page AS (SELECT m.* FROM message m WHERE $where ORDER BY m.published_at DESC, m.id
	LIMIT 25 OFFSET 0) SELECT CAST(NULL AS BIGINT) AS total, COALESCE((SELECT b.version FROM message_box_version b
	WHERE b.recipient = \$1), 0) AS box_version, p.* FROM (SELECT 1 AS one) o LEFT JOIN page p ON TRUE
	ORDER BY p.published_at DESC, p.id"
}
found() { # the search: the messages holding the words found once, the total and the page from them
	local where="m.recipient = \$1 AND m.visible_from <= \$2 AND m.expires_at > \$2 AND m.hidden = FALSE
	AND (m.id IN (SELECT c.message_id FROM message_content c WHERE c.recipient = \$1 AND c.search_text LIKE \$3 ESCAPE '\\' AND c.search_text LIKE \$4 ESCAPE '\\' AND octet_length(c.search_text) <= 2000
		UNION ALL SELECT c.message_id FROM message_content c WHERE c.recipient = \$1 AND c.search_text LIKE \$3 ESCAPE '\\' AND c.search_text LIKE \$4 ESCAPE '\\' AND octet_length(c.search_text) > 2000)) IS TRUE"
	printf '%s' "WITH found AS (SELECT m.id, m.published_at FROM message m WHERE $where)
	SELECT t.total, p.* FROM (SELECT COUNT(*) AS total FROM found) t LEFT JOIN (SELECT m.* FROM (SELECT f.id
	FROM found f ORDER BY f.published_at DESC, f.id LIMIT 25 OFFSET 0) f JOIN message m ON m.id = f.id) p ON TRUE
	ORDER BY p.published_at DESC, p.id"
}
psql_q -d "$DB" >"$OUT/explain.txt" <<SQL
PREPARE inbox(char(10), timestamptz) AS $(listing);
PREPARE paged(char(10), timestamptz) AS $(paged);
PREPARE search(char(10), timestamptz, text, text) AS $(found);
\echo '--- inbox, custom plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE inbox('$EBOX', now());
\echo '--- inbox, total known (page and version), custom plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE paged('$EBOX', now());
\echo '--- search "$WORDS", custom plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE search('$EBOX', now(), '%$FIRST%', '%$SECOND%');
SET plan_cache_mode = force_generic_plan;
\echo '--- inbox, generic plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE inbox('$EBOX', now());
\echo '--- inbox, total known (page and version), generic plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE paged('$EBOX', now());
\echo '--- search "$WORDS", generic plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE search('$EBOX', now(), '%$FIRST%', '%$SECOND%');
\echo '--- search "bijlage" (every message), generic plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE search('$EBOX', now(), '%bijlage%', '%bijlage%');
\echo '--- search "onbekend" (no message), generic plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE search('$EBOX', now(), '%onbekend%', '%onbekend%');
SQL

cd "$HERE"
javac -d "$OUT/classes" InboxLoad.java
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$OUT/runs.txt"
: >"$OUT/cpu.txt"
for _ in $(seq 1 "$ROUNDS"); do
	with_cpu "$APP" "$DB" "$WARMUP" "$SECONDS_RUN" "$OUT/cpu.txt" java -cp "$OUT/classes" InboxLoad "$BASE/" "$COOKIE" "$CONNECTIONS" "$WARMUP" "$SECONDS_RUN" frame | tee -a "$OUT/runs.txt"
	with_cpu "$APP" "$DB" "$WARMUP" "$SECONDS_RUN" "$OUT/cpu.txt" java -cp "$OUT/classes" InboxLoad "$BASE$INBOX" "$COOKIE" "$CONNECTIONS" "$WARMUP" "$SECONDS_RUN" inbox | tee -a "$OUT/runs.txt"
	with_cpu "$APP" "$DB" "$WARMUP" "$SECONDS_RUN" "$OUT/cpu.txt" java -cp "$OUT/classes" InboxLoad "$BASE$FOUND" "$COOKIE" "$CONNECTIONS" "$WARMUP" "$SECONDS_RUN" search | tee -a "$OUT/runs.txt"
done
LOAD_AT_END=$(cut -d' ' -f1-3 /proc/loadavg)

awk -v all="$ALL" -v mine="$IN_EBOX" -v gen="$GENERATION" -v l0="$LOAD_AT_START" -v l1="$LOAD_AT_END" '
	{ rate[$1] += $4; n[$1]++; errors[$1] += $(NF - 1); if ($7 > p50[$1]) p50[$1] = $7; if ($10 > p99[$1]) p99[$1] = $10 }
	END {
		printf "\nInbox benchmark: %d messages in the database, %d in the e-Box, generation %s s\n", all, mine, gen
		printf "load average at start %s, at end %s\n", l0, l1
		for (k in n) printf "%-7s %8.1f req/s  worst p50 %8.2f ms  worst p99 %8.2f ms  (%.3f of frame req/s)\n", k, rate[k] / n[k], p50[k], p99[k], (rate[k] / n[k]) / (rate["frame"] / n["frame"])
		ok["inbox"] = rate["inbox"] > 0 && errors["inbox"] == 0 && p99["inbox"] < 100
		ok["search"] = rate["search"] > 0 && errors["search"] == 0 && p99["search"] < 200
		printf "errors: frame %d, inbox %d, search %d\n", errors["frame"], errors["inbox"], errors["search"]
		printf "targets: inbox p99 < 100 ms: %s; search p99 < 200 ms: %s\n", (ok["inbox"] ? "met" : "NOT met"), (ok["search"] ? "met" : "NOT met")
	}' "$OUT/runs.txt" | tee "$OUT/result.txt"
tee -a "$OUT/result.txt" <"$OUT/cpu.txt"
