#!/usr/bin/env bash
# Consultation benchmark: GET /ebox/messages of an enterprise holding MINE messages in a PostgreSQL database of TOTAL
# messages, under concurrent load from a separate process (Load.java), next to the unauthenticated
# /actuator/health of the same application in the same run. See bench/README.md.
#
#   bench/consultation/run.sh [TOTAL=5000000] [MINE=10000]
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres; trust auth or PGPASSWORD), CONNECTIONS (16),
# WARMUP (10 s), DURATION (20 s per measured run), ROUNDS (2: health, messages, health, messages ...),
# KEEP_DATA (1: reuse ebox_bench_consult when it already holds TOTAL messages; 0 regenerates), APP_HEAP (1g),
# EBOX_JAR (use that jar, do not build), PAGE_SIZE (25), BENCH_DB (the scratch database, ebox_bench_consult),
# BENCH_PORT (18089), SEARCH_Q (bijlage: the word of the text-search run, q=, found in every message's content),
# SEARCH_RUNS (1; 0 leaves the text search out, e.g. for A/B runs of the list alone), NEW_SEARCH_Q ({n}: the words of
# a second text-search run, search-new, with {n} four hex digits new for each request, so that no search is answered
# from what an earlier one kept: 4 of the 8 hex digits of a subject's dossier number, found in about one message of
# the e-Box of 10 000, the e-Box's every content row read to find it), APP_OPTS
# (extra JVM options of the application, e.g. a flight recording: -XX:StartFlightRecording=filename=/tmp/x.jfr,settings=profile).
set -euo pipefail

TOTAL="${1:-5000000}"; TOTAL="${TOTAL//_/}"
MINE="${2:-10000}"; MINE="${MINE//_/}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGOPTIONS="${PGOPTIONS:--c client_min_messages=warning}"
DB="${BENCH_DB:-ebox_bench_consult}"
EBOX=0412345614
PORT="${BENCH_PORT:-18089}"
SECRET=bench-secret-not-for-production
CONNECTIONS="${CONNECTIONS:-16}"
WARMUP="${WARMUP:-10}"
SECONDS_RUN="${DURATION:-20}"
ROUNDS="${ROUNDS:-2}"
KEEP_DATA="${KEEP_DATA:-1}"
PAGE_SIZE="${PAGE_SIZE:-25}"
BASE="http://127.0.0.1:$PORT"
LIST="/REST/ebox/enterprise/messageRegistry/v2/ebox/messages?pageSize=$PAGE_SIZE"
SEARCH_Q="${SEARCH_Q:-bijlage}"
SEARCH="$LIST&q=$SEARCH_Q&qlang=nl"
NEW_SEARCH="$LIST&q=${NEW_SEARCH_Q:-{n\}}&qlang=nl"

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
mkdir -p "$OUT"

application_jar

have=0
if [[ "$KEEP_DATA" == 1 ]] && psql_q -d "$DB" -tAc "SELECT 1" >/dev/null 2>&1; then
	have=$(psql_q -d "$DB" -tAc "SELECT COUNT(*) FROM message" 2>/dev/null || echo 0)
fi
if (( have < TOTAL )); then
	log "creating database $DB"
	psql_q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
fi

log "starting the application on port $PORT (log: out/app.log)"
EBOX_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" EBOX_DB_USER="$PGUSER" EBOX_DB_PASSWORD="${PGPASSWORD:-}" \
	EBOX_DEMO=true EBOX_DEMO_SECRET="$SECRET" EBOX_PORT="$PORT" EBOX_DATA_DIR="$OUT/data" \
	EBOX_OAUTH_TOKEN_TTL=60m \
	java -Xmx"${APP_HEAP:-1g}" ${APP_OPTS:-} -jar "$JAR" >"$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
	if curl -fsS "$BASE/actuator/health" >/dev/null 2>&1; then break; fi
	kill -0 $APP 2>/dev/null || { log "the application did not start, see out/app.log"; exit 1; }
	sleep 1
done
curl -fsS "$BASE/actuator/health" >/dev/null

if (( have < TOTAL )); then
	log "generating $TOTAL messages, $MINE in e-Box $EBOX (SQL generate_series)"
	t0=$(date +%s.%N)
	psql_q -d "$DB" -v total="$TOTAL" -v mine="$MINE" -v ebox="$EBOX" -f "$HERE/generate.sql"
	t1=$(date +%s.%N)
	GENERATION=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", b - a }')
	log "generated in $GENERATION s"
else
	GENERATION="reused"
fi
IN_EBOX=$(psql_q -d "$DB" -tAc "SELECT COUNT(*) FROM message WHERE recipient = '$EBOX'")
ALL=$(psql_q -d "$DB" -tAc "SELECT COUNT(*) FROM message")

log "query plans (out/explain.txt)"
# The list as the application sends it (MessageListing.list: the page and its total in one statement), custom and generic
# plan (a prepared statement may switch to the generic plan after five executions, see migration V160), then the same
# with the text search (q=$SEARCH_Q&qlang=nl: the e-Box's content rows from message_content_search_short, V210, and
# the longer texts through message_content_search_long).
listing() { # the list without words, its total counted (the first page, or after a write to the e-Box)
	local where="m.recipient = \$1" now="m.visible_from <= \$2 AND m.expires_at > \$2"
	printf '%s' "WITH page AS (SELECT m.* FROM message m WHERE $where AND $now ORDER BY m.published_at DESC, m.id
	LIMIT $PAGE_SIZE OFFSET 0) SELECT t.total, COALESCE((SELECT b.version FROM message_box_version b WHERE b.recipient = \$1), 0)
	AS box_version, t.next_visible, t.next_expiry, p.* FROM (SELECT COUNT(*) FILTER (WHERE $now) AS total,
	MIN(m.visible_from) FILTER (WHERE m.visible_from > \$2) AS next_visible,
	MIN(m.expires_at) FILTER (WHERE m.expires_at > \$2) AS next_expiry FROM message m WHERE $where) t
	LEFT JOIN page p ON TRUE ORDER BY p.published_at DESC, p.id"
}
paged() { # the list without words when its total is known at the e-Box's version: the page and the version only
	local where="m.recipient = \$1 AND m.visible_from <= \$2 AND m.expires_at > \$2"
	printf '%s' "WITH page AS (SELECT m.* FROM message m WHERE $where ORDER BY m.published_at DESC, m.id
	LIMIT $PAGE_SIZE OFFSET 0) SELECT CAST(NULL AS BIGINT) AS total, COALESCE((SELECT b.version FROM message_box_version b
	WHERE b.recipient = \$1), 0) AS box_version, p.* FROM (SELECT 1 AS one) o LEFT JOIN page p ON TRUE
	ORDER BY p.published_at DESC, p.id"
}
found() { # the search, its total counted: the messages holding the words found once, total and page from them
	local where="m.recipient = \$1
	AND (m.id IN (SELECT c.message_id FROM message_content c WHERE c.recipient = \$1 AND c.language = 'nl' AND c.search_text LIKE \$3 ESCAPE '\\' AND octet_length(c.search_text) <= 2000
		UNION ALL SELECT c.message_id FROM message_content c WHERE c.recipient = \$1 AND c.language = 'nl' AND c.search_text LIKE \$3 ESCAPE '\\' AND octet_length(c.search_text) > 2000)) IS TRUE"
	local now="m.visible_from <= \$2 AND m.expires_at > \$2"
	printf '%s' "WITH found AS (SELECT m.id, m.published_at, m.visible_from, m.expires_at FROM message m WHERE $where)
	SELECT t.total, COALESCE((SELECT b.version FROM message_box_version b WHERE b.recipient = \$1), 0) AS box_version,
	t.next_visible, t.next_expiry, p.* FROM (SELECT COUNT(*) FILTER (WHERE $now) AS total,
	MIN(m.visible_from) FILTER (WHERE m.visible_from > \$2) AS next_visible,
	MIN(m.expires_at) FILTER (WHERE m.expires_at > \$2) AS next_expiry FROM found m) t
	LEFT JOIN (SELECT m.* FROM (SELECT m.id FROM found m WHERE $now ORDER BY m.published_at DESC, m.id
	LIMIT $PAGE_SIZE OFFSET 0) f JOIN message m ON m.id = f.id) p ON TRUE ORDER BY p.published_at DESC, p.id"
}
walked() { # the search when its total is known: the e-Box newest first, each message's content checked on its own
	local where="m.recipient = \$1 AND m.visible_from <= \$2 AND m.expires_at > \$2"
	local probe="(SELECT 1 FROM message_content c WHERE c.recipient = \$1 AND c.language = 'nl' AND c.search_text LIKE \$3 ESCAPE '\\' AND c.message_id = m.id LIMIT 1) IS NOT NULL"
	printf '%s' "WITH page AS (SELECT m.* FROM (SELECT m.* FROM message m WHERE $where ORDER BY m.published_at DESC, m.id
	LIMIT $(( PAGE_SIZE * 20 ))) m WHERE $probe ORDER BY m.published_at DESC, m.id LIMIT $PAGE_SIZE OFFSET 0)
	SELECT CAST(NULL AS BIGINT) AS total, COALESCE((SELECT b.version FROM message_box_version b
	WHERE b.recipient = \$1), 0) AS box_version, p.* FROM (SELECT 1 AS one) o LEFT JOIN page p ON TRUE
	ORDER BY p.published_at DESC, p.id"
}
psql_q -d "$DB" >"$OUT/explain.txt" <<SQL
PREPARE list(char(10), timestamptz) AS $(listing);
PREPARE paged(char(10), timestamptz) AS $(paged);
PREPARE search(char(10), timestamptz, text) AS $(found);
PREPARE walked(char(10), timestamptz, text) AS $(walked);
\echo '--- list, custom plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE list('$EBOX', now());
\echo '--- list, total known (page and version), custom plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE paged('$EBOX', now());
\echo '--- search, custom plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE search('$EBOX', now(), '%$SEARCH_Q%');
\echo '--- search, total known (newest first), custom plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE walked('$EBOX', now(), '%$SEARCH_Q%');
SET plan_cache_mode = force_generic_plan;
\echo '--- list, generic plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE list('$EBOX', now());
\echo '--- list, total known (page and version), generic plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE paged('$EBOX', now());
\echo '--- search, generic plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE search('$EBOX', now(), '%$SEARCH_Q%');
\echo '--- search, total known (newest first), generic plan'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE walked('$EBOX', now(), '%$SEARCH_Q%');
SQL

TOKEN=$(curl -fsS -u "demo-consumer:$SECRET" -d grant_type=client_credentials \
	--data-urlencode "scope=scope:document:management:consult:ws-eboxrestentreprise:documentconsumer" \
	"$BASE/oauth2/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
TOTAL_ITEMS=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE$LIST" | sed -E 's/.*"totalItems":([0-9]+).*/\1/')

cd "$HERE"
javac -d "$OUT/classes" Load.java
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$OUT/runs.txt"
: >"$OUT/cpu.txt"
for round in $(seq 1 "$ROUNDS"); do
	with_cpu "$APP" "$DB" "$WARMUP" "$SECONDS_RUN" "$OUT/cpu.txt" java -cp "$OUT/classes" Load "$BASE/actuator/health" - "$CONNECTIONS" "$WARMUP" "$SECONDS_RUN" health | tee -a "$OUT/runs.txt"
	with_cpu "$APP" "$DB" "$WARMUP" "$SECONDS_RUN" "$OUT/cpu.txt" java -cp "$OUT/classes" Load "$BASE$LIST" "$TOKEN" "$CONNECTIONS" "$WARMUP" "$SECONDS_RUN" messages | tee -a "$OUT/runs.txt"
	if [[ "${SEARCH_RUNS:-1}" != 0 ]]; then
		with_cpu "$APP" "$DB" "$WARMUP" "$SECONDS_RUN" "$OUT/cpu.txt" java -cp "$OUT/classes" Load "$BASE$SEARCH" "$TOKEN" "$CONNECTIONS" "$WARMUP" "$SECONDS_RUN" search | tee -a "$OUT/runs.txt"
		with_cpu "$APP" "$DB" "$WARMUP" "$SECONDS_RUN" "$OUT/cpu.txt" java -cp "$OUT/classes" Load "$BASE$NEW_SEARCH" "$TOKEN" "$CONNECTIONS" "$WARMUP" "$SECONDS_RUN" search-new | tee -a "$OUT/runs.txt"
	fi
done
LOAD_AT_END=$(cut -d' ' -f1-3 /proc/loadavg)

awk -v all="$ALL" -v mine="$IN_EBOX" -v items="$TOTAL_ITEMS" -v gen="$GENERATION" -v l0="$LOAD_AT_START" \
	-v l1="$LOAD_AT_END" -v conn="$CONNECTIONS" '
	$1 == "health" { h += $4; hn++ }
	$1 == "messages" { m += $4; mn++; p50 = $7; if ($10 > p99) p99 = $10 }
	$1 == "search" { s += $4; sn++; if ($10 > sp99) sp99 = $10 }
	$1 == "search-new" { n += $4; nn++; if ($10 > np99) np99 = $10 }
	END {
		h /= hn; m /= mn; if (sn) s /= sn; if (nn) n /= nn
		printf "\nConsultation benchmark: %d messages in the database, %d in the e-Box (totalItems %d), generation %s s\n", all, mine, items, gen
		printf "load average at start %s, at end %s; %d connections\n", l0, l1, conn
		printf "health   %9.0f req/s (mean of %d runs)\n", h, hn
		printf "messages %9.0f req/s (mean of %d runs), worst p99 %.2f ms\n", m, mn, p99
		if (sn) printf "search   %9.0f req/s (mean of %d runs), worst p99 %.2f ms\n", s, sn, sp99
		printf "ratio messages/health %.2f (target >= 0.25); p99 target < 50 ms: %s\n", m / h, (p99 < 50 ? "met" : "NOT met")
		if (nn) printf "search-new %7.0f req/s (mean of %d runs), worst p99 %.2f ms (words no search asked before)\n", n, nn, np99
		if (sn) printf "ratio search/health %.2f; search p99 target < 200 ms: %s\n", s / h, (sp99 < 200 ? "met" : "NOT met")
	}' "$OUT/runs.txt" | tee "$OUT/result.txt"
tee -a "$OUT/result.txt" <"$OUT/cpu.txt"
