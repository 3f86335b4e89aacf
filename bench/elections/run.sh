#!/usr/bin/env bash
# Social elections codes campaign benchmark: N enterprises with M consultation bodies (every enterprise one body, every
# second one a second) imported into PostgreSQL, then the codes campaign: M passwords, M PDF letters rendered and
# stored, M messages published through one bulk job. Baseline in the same run and JVM: the same M letters rendered
# in memory only (PDF generation alone, no database). See bench/README.md.
#
#   bench/elections/run.sh [N=10000]
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres; trust auth or PGPASSWORD), APP_HEAP (768m),
# EBOX_ELECTIONS_LETTER_THREADS (0: one per core), EBOX_BULK_WORKERS (2), KEEP_DB (1: do not drop the database),
# EBOX_JAR (use that jar, do not build), BENCH_PORT (8183, only for the first start that installs the reference data).
set -euo pipefail

N="${1:-10000}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGOPTIONS="${PGOPTIONS:--c client_min_messages=warning}"
DB=ebox_bench_elections
PORT="${BENCH_PORT:-8183}"
HEAP="${APP_HEAP:-768m}"
export EBOX_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?reWriteBatchedInserts=true"
export EBOX_DB_USER="$PGUSER" EBOX_DATA_DIR="$OUT/data"
APP_PID=

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
stop_app() {
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID" 2>/dev/null || true
		wait "$APP_PID" 2>/dev/null || true
	fi
}
cleanup() {
	stop_app
	if [[ "${KEEP_DB:-0}" != 1 ]]; then
		psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" || true
	fi
}
trap cleanup EXIT
mkdir -p "$OUT"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

application_jar

log "database $DB (dropped and created)"
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

log "first start: schema and the demo reference data (the employment service, its application and types)"
EBOX_DEMO=true EBOX_DEMO_SECRET=Bench-Elections-Secret-42 EBOX_PORT="$PORT" \
	java -Xmx"$HEAP" -jar "$JAR" >"$OUT/first-start.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
	if curl -fsS "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
	kill -0 "$APP_PID" 2>/dev/null || { log "the application stopped; see $OUT/first-start.log"; exit 1; }
	sleep 1
done
stop_app
APP_PID=

log "registry: $N enterprises with valid check digits"
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL
INSERT INTO registry_enterprise (enterprise_number, status, juridical_situation, type_of_enterprise, juridical_form, start_date)
SELECT lpad((5000000 + i)::text, 8, '0') || lpad((97 - (5000000 + i) % 97)::text, 2, '0'), 'AC', '000', '2', '014', DATE '2001-02-03'
FROM generate_series(1, $N) AS i
ON CONFLICT DO NOTHING;
SQL

CSV="$OUT/elections-$N.csv"
awk -v n="$N" 'BEGIN {
	print "enterpriseNumber,enterpriseName,language,unit,unitName,body,electionDay"
	split("nl fr nl fr de en", langs, " ")
	for (i = 1; i <= n; i++) {
		base = 5000000 + i
		number = sprintf("%08d%02d", base, 97 - base % 97)
		lang = langs[(i % 6) + 1]
		day = sprintf("2016-05-%02d", 9 + i % 14)
		printf "%s,\"Onderneming %d, Bench\",%s,TBE-1,\"Zetel %d\",WORKS_COUNCIL,%s\n", number, i, lang, i, day
		if (i % 2 == 0) printf "%s,\"Onderneming %d, Bench\",%s,TBE-1,\"Zetel %d\",COMMITTEE,%s\n", number, i, lang, i, day
	}
}' >"$CSV"
BODIES=$(($(wc -l <"$CSV") - 1))
log "import, PDF baseline and codes campaign: $N enterprises, $BODIES consultation bodies"
START=$(date +%s.%N)
EBOX_PORT="$PORT" java -Xmx"$HEAP" -jar "$JAR" --elections-import="$CSV" \
	--elections-pdf-baseline --elections-codes >"$OUT/run.log" 2>&1 || { tail -40 "$OUT/run.log"; exit 1; }
END=$(date +%s.%N)
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

grep -E '^(import seconds|enterprises|consultation bodies|baseline |letters|codes campaign|published|failed line)' "$OUT/run.log" | tee "$OUT/result-$N.txt"
CAMPAIGN=$(awk -F': ' '/^letters per second/ {print $2}' "$OUT/run.log")
BASELINE=$(awk -F': ' '/^baseline letters per second/ {print $2}' "$OUT/run.log")
PUBLISHED=$(psql -X -qtA -d "$DB" -c "SELECT COUNT(*) FROM message WHERE message_type = 'SpfFodSocialElections' AND publication_code = 'NO_DIGITAL_USER' AND recipient >= '05000000'")
{
	echo "messages of type SpfFodSocialElections in the database: $PUBLISHED"
	awk -v c="$CAMPAIGN" -v b="$BASELINE" 'BEGIN { if (b > 0) printf "campaign / PDF generation alone: %.2f\n", c / b }'
	echo "process wall seconds (JVM start, Flyway check, import, baseline, campaign): $(awk -v a="$START" -v b="$END" 'BEGIN { printf "%.1f", b - a }')"
	echo "load average at start: $LOAD_START; at end: $LOAD_END; cores: $(nproc)"
} | tee -a "$OUT/result-$N.txt"
[[ "$PUBLISHED" == "$BODIES" ]] || { log "expected $BODIES letters, found $PUBLISHED"; exit 1; }
