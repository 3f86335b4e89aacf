#!/usr/bin/env bash
# Bulk publication benchmark: N personalised messages with one shared 200 KB PDF, published by e-Box's bulk job
# (POST /api/v1/publications, CSV recipients file, workers, GET until DONE) into PostgreSQL, next to a plain JDBC
# batch insert of the same rows in the same run. See bench/README.md.
#
#   bench/bulk-publication/run.sh [N=100000]
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres; trust auth or PGPASSWORD), APP_HEAP (512m),
# APP_JAVA_OPTS or APP_OPTS (extra JVM flags, e.g. a flight recording), EBOX_BULK_WORKERS / EBOX_BULK_CHUNK_LINES (the application's, defaults 2 / 1000),
# BENCH_DB (the scratch database, ebox_bench_bulk), BENCH_PORT (18087), SKIP_BASELINE (1: only the bulk job),
# WARMUP_LINES (0: a job of that many lines first, in the same JVM, its rows then removed), JOB_TIMEOUT (3600 s), JDBC_OPTIONS (reWriteBatchedInserts=true: pgjdbc sends a
# batch as multi-row INSERTs; the same URL options for the application and the baseline; empty for none).
set -euo pipefail

N="${1:-100000}"
N="${N//_/}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
CLASSES="$OUT/classes"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGOPTIONS="${PGOPTIONS:--c client_min_messages=warning}"
HEAP="${APP_HEAP:-512m}"
JOB_TIMEOUT="${JOB_TIMEOUT:-3600}"
DB="${BENCH_DB:-ebox_bench_bulk}"
JDBC_OPTIONS="${JDBC_OPTIONS-reWriteBatchedInserts=true}"
JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB${JDBC_OPTIONS:+?$JDBC_OPTIONS}"
PORT="${BENCH_PORT:-18087}"
SECRET='Bench-Secret-For-Bulk-42'
APP_PID=
APP_JAVA_OPTS="${APP_JAVA_OPTS:-${APP_OPTS:-}}"

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
rate() { awk -v r="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", r / s; else print "-" }'; }
stop_app() {
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID" 2>/dev/null || true
		wait "$APP_PID" 2>/dev/null || true
	fi
}
trap stop_app EXIT

# CPU seconds over a measured window: the JVM's (utime + stime of /proc/<pid>/stat) and the PostgreSQL backends
# serving the bench database (sampled every 0.2 s, each backend's last value less its value when the window opened;
# WAL writer, checkpointer and background writer not counted). On a shared machine wall time stretches with the
# others' load; CPU seconds much less. Needs to run as root or postgres for the backends, else "-".
CLK_TCK=$(getconf CLK_TCK)
backends() { # a backend that ends between pgrep and the read is left out (not counted as 0)
	for p in $(pgrep -u postgres -f "postgres: .*$DB " 2>/dev/null); do
		awk -v p="$p" '{ print p, $14 + $15 }' "/proc/$p/stat" 2>/dev/null || true
	done
}
thread_ticks() { # <pid> -> "thread-group ticks" per thread (names cut at 15 characters by the kernel, digits as N)
	for t in /proc/"$1"/task/*; do
		awk '{ match($0, /\(.*\)/); c = substr($0, RSTART + 1, RLENGTH - 2); gsub(/[0-9]+/, "N", c); gsub(/ /, "_", c)
			split(substr($0, RSTART + RLENGTH + 1), f, " "); print c, f[12] + f[13] }' "$t/stat" 2>/dev/null
	done
}
thread_cpu() { # <before> <after> -> the JVM's CPU seconds per thread group, largest first
	awk -v hz="$CLK_TCK" 'FNR == NR { a[$1] += $2; next } { b[$1] += $2 }
		END { for (k in b) if (b[k] - a[k] > 0) printf "%s %.1f\n", k, (b[k] - a[k]) / hz }' "$1" "$2" | sort -k2 -rn | head -6 | tr '\n' ' '
}
cpu_window_start() { # <name>
	backends >"$OUT/$1.cpu0"
	( while :; do backends; sleep 0.2; done ) >"$OUT/$1.cpu" &
	WATCH_PID=$!
}
cpu_window_stop() { # <name> -> backend CPU seconds
	kill "$WATCH_PID" 2>/dev/null || true
	wait "$WATCH_PID" 2>/dev/null || true
	backends >>"$OUT/$1.cpu"
	awk -v hz="$CLK_TCK" 'FNR == NR { start[$1] = $2; next } $2 > last[$1] { last[$1] = $2 }
		END { for (p in last) s += last[p] - start[p]; printf "%.1f", s / hz }' "$OUT/$1.cpu0" "$OUT/$1.cpu"
}

mkdir -p "$OUT"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# 1. the application jar and the baseline program
application_jar
PGJAR="$OUT/postgresql.jar"
if [[ ! -f "$PGJAR" || "$JAR" -nt "$PGJAR" ]]; then
	(cd "$OUT" && rm -rf lib && mkdir lib && cd lib && unzip -q -o "$JAR" 'BOOT-INF/lib/postgresql-*.jar' && mv BOOT-INF/lib/postgresql-*.jar "$PGJAR")
fi
rm -rf "$CLASSES"
javac -encoding UTF-8 --release 17 -d "$CLASSES" "$HERE"/src/be/ebox/bench/*.java

# 2. the input: a 200 KB PDF and the recipients CSV (enterprise number, name, reference)
PDF="$OUT/brochure.pdf"
if [[ ! -f "$PDF" ]]; then
	{
		printf '%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n'
		printf '3 0 obj << /Length 204000 >> stream\n'
		# base64 may die of SIGPIPE when the last head has enough: not an error here
		(set +o pipefail; head -c 153000 /dev/urandom | base64 -w 100 | head -c 204000)
		printf '\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n'
	} >"$PDF"
fi
PDF_SIZE=$(stat -c %s "$PDF")
PDF_SHA=$(sha256sum "$PDF" | cut -d' ' -f1)
CSV="$OUT/recipients-$N.csv"
if [[ ! -f "$CSV" ]]; then
	log "writing $N recipient lines"
	awk -v n="$N" 'BEGIN { print "enterpriseNumber,name,ref";
		for (i = 1; i <= n; i++) { b = 10000000 + i; printf "%08d%02d,Onderneming %d,REF-%d\n", b, 97 - b % 97, i, i } }' >"$CSV"
fi
CSV_MB=$(du -m "$CSV" | cut -f1)

# 3. a fresh database; the application creates the tables and the demo sender (demo mode) at start
psql_q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
log "starting the application: java -Xmx$HEAP ${APP_JAVA_OPTS:-} -jar ${JAR#"$ROOT/"} (port $PORT, demo mode for the sender)"
# shellcheck disable=SC2086
EBOX_DB_URL="$JDBC_URL" EBOX_DB_USER="$PGUSER" EBOX_DB_PASSWORD="${PGPASSWORD:-}" \
	EBOX_DATA_DIR="$OUT/data" EBOX_PORT="$PORT" EBOX_DEMO=true EBOX_DEMO_SECRET="$SECRET" \
	java "-Xmx$HEAP" "-Xlog:gc:file=$OUT/app-$N.gc" ${APP_JAVA_OPTS:-} -jar "$JAR" >"$OUT/app-$N.log" 2>&1 </dev/null &
APP_PID=$!
for _ in $(seq 1 300); do
	# any answer will do (health may say OUT_OF_SERVICE without a mail server); the token endpoint must work
	curl -fs -o /dev/null -u "demo-sender:$SECRET" "http://127.0.0.1:$PORT/oauth2/token" -d grant_type=client_credentials \
		-d scope='scope:document:management:consult:ws-eboxrestentreprise:publicationsender' 2>/dev/null && break
	kill -0 "$APP_PID" 2>/dev/null || { log "the application stopped; see $OUT/app-$N.log"; tail -30 "$OUT/app-$N.log" >&2; exit 1; }
	sleep 1
done
log "application up"

# 4. the recipients in the registry (KBO rows), every second one with an active e-Box (the others: NO_DIGITAL_USER);
# the messages demo mode published at start removed, so that the count checked at the end is the job's alone (also
# with SKIP_BASELINE=1, where no baseline empties the tables before the job)
psql_q -d "$DB" <<SQL
TRUNCATE message_attachment, message_content, message_evidence, message, notification_alert,
	notification_summary_item, notification_mail CASCADE;
INSERT INTO registry_enterprise (enterprise_number, status, juridical_situation, type_of_enterprise, juridical_form, start_date)
SELECT lpad((10000000 + i)::text, 8, '0') || lpad((97 - (10000000 + i) % 97)::text, 2, '0'), 'AC', '000', '2', '014', DATE '2001-02-03'
FROM generate_series(1, $N) AS i ON CONFLICT DO NOTHING;
INSERT INTO enrolment_ebox (enterprise_number, state, registered_at, representative_name, email, letter_language, main_account_id)
SELECT lpad((10000000 + i)::text, 8, '0') || lpad((97 - (10000000 + i) % 97)::text, 2, '0'), 'ACTIVE', now(), 'Bench', 'bench@example.be', 'nl', gen_random_uuid()
FROM generate_series(2, $N, 2) AS i ON CONFLICT DO NOTHING;
ANALYZE;
CHECKPOINT;
SQL

token() {
	curl -fs -u "demo-sender:$SECRET" "http://127.0.0.1:$PORT/oauth2/token" -d grant_type=client_credentials \
		-d scope='scope:document:management:consult:ws-eboxrestentreprise:publicationsender' \
		| sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
cat >"$OUT/template.json" <<'JSON'
{"messageTypeId": "SpfFodInformation",
 "subject": {"nl": "Beste {{name}}, uw dossier {{ref}}", "fr": "Cher {{name}}, votre dossier {{ref}}"},
 "body": {"nl": "Uw referentie is {{ref}}. Lees de brochure in bijlage.", "fr": "Votre référence est {{ref}}. Lisez la brochure en annexe."},
 "bodyMainContent": true,
 "documents": [{"fileName": "brochure.pdf", "title": {"nl": "Brochure", "fr": "Brochure"}}]}
JSON

# 4b. optional (WARMUP_LINES > 0): a first job of that many lines in the same JVM, then its rows removed again, so
# that the measured job runs on compiled code as on an instance that has published before (the JIT compiles the
# publication, JDBC and web paths during the first job of a fresh JVM, on the same two cores)
if (( ${WARMUP_LINES:-0} > 0 )); then
	log "warm-up: a job of the first $WARMUP_LINES lines"
	head -n $(( WARMUP_LINES + 1 )) "$CSV" >"$OUT/warmup.csv"
	TOKEN=$(token)
	WARM=$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/publications" \
		-F "template=@$OUT/template.json;type=application/json" -F "recipients=@$OUT/warmup.csv;type=text/csv" \
		-F "document=@$PDF;type=application/pdf" | sed -E 's/.*"id":"([^"]+)".*/\1/')
	until curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/publications/$WARM" | grep -q '"state":"DONE"'; do
		sleep 0.5
	done
	psql_q -d "$DB" -c "TRUNCATE message_attachment, message_content, message_evidence, message, notification_alert,
		notification_summary_item, notification_mail CASCADE" -c "CHECKPOINT"
	log "warm-up done, its rows removed"
fi

# 5. the baseline: the same rows with plain JDBC batches, then removed again
if [[ "${SKIP_BASELINE:-0}" != 1 ]]; then
	log "baseline: plain JDBC batch insert of $N messages"
	cpu_window_start plain
	PLAIN_OUT=$(/usr/bin/time -f '%U %S' -o "$OUT/plain.time" java -cp "$PGJAR:$CLASSES" be.ebox.bench.PlainInsert \
		"$JDBC_URL" "$PGUSER" "${PGPASSWORD:-}" "$N" "$PDF_SHA" "$PDF_SIZE")
	PLAIN_DB_CPU=$(cpu_window_stop plain)
	PLAIN_CLIENT_CPU=$(awk '{ printf "%.1f", $1 + $2 }' "$OUT/plain.time")
	log "$PLAIN_OUT"
	PLAIN_S=$(echo "$PLAIN_OUT" | awk '{ print $(NF-4) }')
	psql_q -d "$DB" -c "TRUNCATE message_attachment, message_content, message_evidence, message CASCADE" -c "CHECKPOINT"
fi

# 6. the bulk job: token, POST (template + recipients + the shared PDF), GET every 0.2 s until DONE
TOKEN=$(token)
log "bulk job: POST /api/v1/publications with $N lines ($CSV_MB MB CSV) and a $PDF_SIZE-byte PDF"
APP_TICKS0=$(cpu_ticks "$APP_PID")
thread_ticks "$APP_PID" >"$OUT/threads.0"
cpu_window_start bulk
T0=$(now)
RESPONSE=$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/publications" \
	-F "template=@$OUT/template.json;type=application/json" -F "recipients=@$CSV;type=text/csv" \
	-F "document=@$PDF;type=application/pdf")
T_ACCEPTED=$(now)
JOB=$(echo "$RESPONSE" | sed -E 's/.*"id":"([^"]+)".*/\1/')
log "accepted after $(seconds "$T0" "$T_ACCEPTED") s: job $JOB"
while :; do
	REPORT=$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/publications/$JOB")
	[[ "$REPORT" == *'"state":"DONE"'* ]] && break
	if [[ $(seconds "$T0" "$(now)" | cut -d. -f1) -gt $JOB_TIMEOUT ]]; then log "timeout: $REPORT"; exit 1; fi
	if [[ "$REPORT" == *'"state":"RUNNING"'* && $(( $(date +%s) % 5 )) == 0 ]]; then
		log "$(echo "$REPORT" | grep -Eo '"(done|failed)":[0-9]+' | tr '\n' ' ')"
	fi
	sleep 0.2
	# a new token before the 5-minute one expires
	if [[ $(( $(date +%s) % 240 )) == 0 ]]; then
		TOKEN=$(token)
	fi
done
T1=$(now)
BULK_DB_CPU=$(cpu_window_stop bulk)
thread_ticks "$APP_PID" >"$OUT/threads.1"
BULK_APP_CPU=$(awk -v a="$APP_TICKS0" -v b="$(cpu_ticks "$APP_PID")" -v hz="$CLK_TCK" 'BEGIN { printf "%.1f", (b - a) / hz }')
BULK_S=$(seconds "$T0" "$T1")
UPLOAD_S=$(seconds "$T0" "$T_ACCEPTED")
PUBLISH_S=$(seconds "$T_ACCEPTED" "$T1")
RSS_MB=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status" 2>/dev/null || echo "-")
log "report: $(echo "$REPORT" | cut -c1-300)"

# 7. checks: N messages, the PDF stored once
read -r MESSAGES BLOBS ATTACHED <<<"$(psql -X -At -F' ' -d "$DB" -c "SELECT (SELECT count(*) FROM message),
	(SELECT count(*) FROM document_blob WHERE sha256 = '$PDF_SHA'), (SELECT count(*) FROM message_attachment WHERE blob_sha256 = '$PDF_SHA')")"
log "messages: $MESSAGES, blobs stored: $BLOBS, attachments of the PDF: $ATTACHED"
stop_app
APP_PID=

gc_heap() { # <gc log> -> "before/after MB": the largest heap in use before a collection, and after one
	grep -Eo '[0-9]+M->[0-9]+M' "$1" | awk -F'->' '{ b = $1 + 0; a = $2 + 0; if (b > mb) mb = b; if (a > ma) ma = a }
		END { if (NR) printf "%d/%d MB", mb, ma; else print "-" }'
}
BULK_RATE=$(rate "$N" "$BULK_S")
PUBLISH_RATE=$(rate "$N" "$PUBLISH_S")
PLAIN_RATE=$(rate "$N" "${PLAIN_S:-0}")
ratio() { awk -v a="$1" -v b="$PLAIN_RATE" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
ROW='%-44s %10s %9s %12s %9s\n'
{
	echo
	echo "Bulk publication benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, N=$N lines ($CSV_MB MB CSV), shared PDF $PDF_SIZE bytes"
	echo "application: -Xmx$HEAP ${APP_JAVA_OPTS:-(G1)}, warm-up job ${WARMUP_LINES:-0} lines, workers ${EBOX_BULK_WORKERS:-2}, chunk ${EBOX_BULK_CHUNK_LINES:-1000} lines, JDBC options: ${JDBC_OPTIONS:-none}; PostgreSQL $(psql -X -At -d postgres -c 'SHOW server_version' | cut -d' ' -f1); load average at start $LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg)"
	printf "$ROW" "run" "messages" "wall s" "messages/s" "vs plain"
	[[ -n "${PLAIN_S:-}" ]] && printf "$ROW" "plain JDBC batch insert (same rows)" "$N" "$PLAIN_S" "$PLAIN_RATE" "1"
	printf "$ROW" "bulk job, POST to DONE (upload included)" "$MESSAGES" "$BULK_S" "$BULK_RATE" "$(ratio "$BULK_RATE")"
	printf "$ROW" "bulk job, accepted to DONE (publication)" "$MESSAGES" "$PUBLISH_S" "$PUBLISH_RATE" "$(ratio "$PUBLISH_RATE")"
	echo "upload (POST until 202 Accepted: file read into chunks): $UPLOAD_S s; heap in use max before/after GC: $(gc_heap "$OUT/app-$N.gc"); max RSS ${RSS_MB} MB"
	echo "CPU s client + database backends: plain ${PLAIN_CLIENT_CPU:--} + ${PLAIN_DB_CPU:--}; bulk job POST to DONE (the application with its notification workers) $BULK_APP_CPU + $BULK_DB_CPU"
	echo "application CPU s by thread: $(thread_cpu "$OUT/threads.0" "$OUT/threads.1")"
	echo "checks: $MESSAGES messages (expected $N), $BLOBS blob(s) stored, $ATTACHED attachment rows point at the PDF"
} | tee "$OUT/result-$N.txt"
[[ "$MESSAGES" == "$N" && "$BLOBS" == 1 ]] || { log "wrong counts"; exit 1; }
