#!/usr/bin/env bash
# Registry import benchmark: a synthetic KBO/BCE extract of N enterprises, loaded once with a plain COPY (the
# baseline) and once (then again, as an idempotent re-import) with e-Box's importer. See bench/README.md.
#
#   bench/registry-import/run.sh [N=2000000]
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres; trust auth or PGPASSWORD),
# IMPORT_HEAP (512m), IMPORT_JAVA_OPTS (extra JVM flags, e.g. -XX:+UseSerialGC; default: none, i.e. G1),
# REIMPORT (1: also time a second import of the same data; 0 to skip), KEEP_EXTRACT (1: reuse out/extract-N),
# IMPORT_TIMEOUT (3600 s per import run), SKIP_IMPORT (1: only generate and run the COPY baseline).
set -euo pipefail

N="${1:-2000000}"
N="${N//_/}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
EXTRACT="$OUT/extract-$N"
CLASSES="$OUT/classes"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGOPTIONS="${PGOPTIONS:--c client_min_messages=warning}"
HEAP="${IMPORT_HEAP:-512m}"
JAVA_OPTS_EXTRA="${IMPORT_JAVA_OPTS:-}"
REIMPORT="${REIMPORT:-1}"
IMPORT_TIMEOUT="${IMPORT_TIMEOUT:-3600}"
SKIP_IMPORT="${SKIP_IMPORT:-0}"
COPY_DB=ebox_bench_copy
IMPORT_DB=ebox_bench_import

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
rate() { awk -v r="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", r / s; else print "-" }'; }
csv_rows() { echo $(( $(wc -l < "$1") - 1 )); }

mkdir -p "$OUT"
if ! /usr/bin/time -v true >/dev/null 2>&1; then
	echo "run.sh needs GNU time as /usr/bin/time (apt-get install time)" >&2
	exit 2
fi
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# CPU time of the PostgreSQL backends serving one database. The machine may be shared (load from other work
# stretches wall time), so every run also reports CPU seconds: client (psql or the JVM, from /usr/bin/time) plus
# server (these backends; background writers and the checkpointer are not counted). Samples /proc every 0.2 s and
# keeps each backend's last value; needs to run as root or postgres, else it reports "-".
CLK_TCK=$(getconf CLK_TCK)
backend_cpu_start() { # <db> <file>
	( while :; do
		for p in $(pgrep -u postgres -f "postgres: .*$1 " 2>/dev/null); do
			awk -v p="$p" '{ print p, $14 + $15 }' "/proc/$p/stat" 2>/dev/null
		done
		sleep 0.2
	done ) >"$2" &
	WATCH_PID=$!
}
backend_cpu_stop() { # <file> -> CPU seconds, or "-"
	kill "$WATCH_PID" 2>/dev/null || true
	wait "$WATCH_PID" 2>/dev/null || true
	awk -v hz="$CLK_TCK" '{ last[$1] = $2 } END { for (p in last) s += last[p]; if (NR == 0) print "-"; else printf "%.1f", s / hz }' "$1"
}
client_cpu() { # <time -v file> -> user + system seconds
	awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$1"
}

# 1. the application jar (EBOX_JAR: use that jar as is)
application_jar

# 2. the generator and the extract
if [[ ! -f "$CLASSES/be/ebox/bench/KboExtractGenerator.class" \
		|| -n "$(find "$HERE/src" -newer "$CLASSES/be/ebox/bench/KboExtractGenerator.class" -type f -print -quit)" ]]; then
	rm -rf "$CLASSES"
	javac -encoding UTF-8 --release 17 -d "$CLASSES" "$HERE"/src/be/ebox/bench/*.java
	cp "$HERE/src/be/ebox/bench/code.csv" "$CLASSES/be/ebox/bench/"
	java -cp "$CLASSES" be.ebox.bench.Numbers >&2
fi
if [[ "${KEEP_EXTRACT:-1}" == 1 && -f "$EXTRACT/.complete" && "$EXTRACT/.complete" -nt "$CLASSES/be/ebox/bench/KboExtractGenerator.class" ]]; then
	log "reusing $EXTRACT"
else
	rm -rf "$EXTRACT"
	log "generating $N enterprises into ${EXTRACT#"$ROOT/"}"
	java -cp "$CLASSES" be.ebox.bench.KboExtractGenerator "$EXTRACT" "$N" >&2
	touch "$EXTRACT/.complete"
fi
FILES=(enterprise establishment denomination address)
declare -A ROWS
TOTAL_ROWS=0
for f in "${FILES[@]}"; do
	ROWS[$f]=$(csv_rows "$EXTRACT/$f.csv")
	TOTAL_ROWS=$((TOTAL_ROWS + ROWS[$f]))
done
EXTRACT_MB=$(du -sm "$EXTRACT" | cut -f1)
log "extract: $TOTAL_ROWS rows (enterprise ${ROWS[enterprise]}, establishment ${ROWS[establishment]}, denomination ${ROWS[denomination]}, address ${ROWS[address]}), $EXTRACT_MB MB"

# 3. fresh scratch databases
for db in "$COPY_DB" "$IMPORT_DB"; do
	psql_q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
done

# 4. the COPY baseline
psql_q -d "$COPY_DB" -f "$HERE/copy-baseline.sql"
psql_q -d "$COPY_DB" -c CHECKPOINT
declare -A COPY_S
# one psql session for the four files (one backend, so the CPU sampler sees it whole); \timing gives each file's time
{
	echo '\timing on'
	for f in "${FILES[@]}"; do
		echo "\\copy $f FROM '$EXTRACT/$f.csv' WITH (FORMAT csv, HEADER true)"
	done
} >"$OUT/copy.sql"
backend_cpu_start "$COPY_DB" "$OUT/copy.cpu"
COPY_START=$(now)
COPY_TIMES=$(/usr/bin/time -v -o "$OUT/copy.time" psql -X -v ON_ERROR_STOP=1 -d "$COPY_DB" -f "$OUT/copy.sql" \
	| awk '/^Time:/ { print $2 }')
COPY_WALL=$(seconds "$COPY_START" "$(now)")
COPY_CLIENT_CPU=$(client_cpu "$OUT/copy.time")
i=0
for t in $COPY_TIMES; do
	f=${FILES[$i]}
	COPY_S[$f]=$(awk -v ms="$t" 'BEGIN { printf "%.2f", ms / 1000 }')
	log "COPY $f: ${ROWS[$f]} rows in ${COPY_S[$f]} s"
	i=$((i + 1))
done
COPY_SERVER_CPU=$(backend_cpu_stop "$OUT/copy.cpu")
COPIED=$(psql -X -At -d "$COPY_DB" -c "SELECT (SELECT count(*) FROM enterprise) + (SELECT count(*) FROM establishment)
	+ (SELECT count(*) FROM denomination) + (SELECT count(*) FROM address)")
if [[ "$COPIED" != "$TOTAL_ROWS" ]]; then
	log "COPY baseline loaded $COPIED rows, expected $TOTAL_ROWS"
	exit 1
fi

# 4b. the keyed reference: the plain rows moved into registry-shaped tables (types, keys, index) by SQL alone
backend_cpu_start "$COPY_DB" "$OUT/keyed.cpu"
KEYED_TIMES=$(psql -X -q -v ON_ERROR_STOP=1 -d "$COPY_DB" -f "$HERE/keyed-baseline.sql" | awk '/^Time:/ { print $2 }')
KEYED_SERVER_CPU=$(backend_cpu_stop "$OUT/keyed.cpu")
KEYED_INSERT_S=$(echo "$KEYED_TIMES" | awk '{ s += $1 } END { printf "%.2f", s / 1000 }')
KEYED_WALL=$(awk -v a="$COPY_WALL" -v b="$KEYED_INSERT_S" 'BEGIN { printf "%.2f", a + b }')
log "keyed INSERT ... SELECT: $KEYED_INSERT_S s ($(echo $KEYED_TIMES | tr ' ' '/') ms)"

if [[ "$SKIP_IMPORT" == 1 ]]; then
	log "COPY baseline: $TOTAL_ROWS rows in $COPY_WALL s = $(rate "$TOTAL_ROWS" "$COPY_WALL") rows/s (SKIP_IMPORT=1: importer not run)"
	exit 0
fi

# 5. the importer, on a fresh database, then again on the same data (every row already there)
TIME_V=(/usr/bin/time -v -o)

# run_import <label>: runs the jar, leaves wall seconds in IMPORT_WALL, its log in $OUT/import-<label>.log
run_import() {
	local label="$1" log_file="$OUT/import-$1.log" time_file="$OUT/import-$1.time" t0 status
	psql_q -d "$IMPORT_DB" -c CHECKPOINT 2>/dev/null || true
	log "import ($label): java -Xmx$HEAP $JAVA_OPTS_EXTRA -jar ${JAR#"$ROOT/"} --import-kbo=${EXTRACT#"$ROOT/"}"
	t0=$(now)
	local cmd=(timeout "$IMPORT_TIMEOUT")
	if [[ ${#TIME_V[@]} -gt 0 ]]; then
		cmd+=("${TIME_V[@]}" "$time_file")
	fi
	# shellcheck disable=SC2206
	cmd+=(java "-Xmx$HEAP" "-Xlog:gc:file=$OUT/import-$label.gc" $JAVA_OPTS_EXTRA -jar "$JAR" --import-kbo="$EXTRACT")
	backend_cpu_start "$IMPORT_DB" "$OUT/import-$label.cpu"
	set +e
	EBOX_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$IMPORT_DB" EBOX_DB_USER="$PGUSER" EBOX_DB_PASSWORD="${PGPASSWORD:-}" \
		EBOX_DATA_DIR="$OUT/data" EBOX_PORT=0 "${cmd[@]}" >"$log_file" 2>&1
	status=$?
	set -e
	IMPORT_WALL=$(seconds "$t0" "$(now)")
	IMPORT_SERVER_CPU=$(backend_cpu_stop "$OUT/import-$label.cpu")
	if [[ $status -ne 0 ]]; then
		log "import ($label) FAILED with exit status $status after $IMPORT_WALL s; last lines of $log_file:"
		tail -30 "$log_file" >&2
		exit 1
	fi
	log "import ($label) done in $IMPORT_WALL s"
}

# Figures from the importer's own summary (KboImportCommand), one "key: value" per line:
#   rows read: 10591886 / rows imported: 10591886 / rows per second: 123456 / wall time: 85.123 s / peak heap: 210 MB
summary_value() { # <log> <regex for the label> -> first number after it
	grep -iEo "$2[^0-9]{0,20}[0-9][0-9.,]*( ?[KMG]i?B)?" "$1" | tail -1 | grep -Eo '[0-9][0-9.,]*( ?[KMG]i?B)?$' | tr -d ',' || true
}
# heap occupancy from the GC log ("GC(7) Pause Young (Normal) (G1 Evacuation Pause) 150M->40M(256M) 5.1ms"): the
# largest "before" is the true peak of the heap in use (garbage included), the largest "after" the most that
# survived a collection, i.e. what the import really holds. KboImportCommand's "peak heap" adds up the peaks of the
# heap pools, reached at different moments, so it overstates (it can exceed -Xmx).
gc_heap() { # <gc log> -> "before/after MB"
	[[ -f "$1" ]] || { echo "-"; return; }
	grep -Eo '[0-9]+M->[0-9]+M' "$1" | awk -F'->' '{ b = $1 + 0; a = $2 + 0; if (b > mb) mb = b; if (a > ma) ma = a }
		END { if (NR) printf "%d/%d MB", mb, ma; else print "-" }'
}
max_rss_mb() { # <time file> -> MB
	[[ -f "$1" ]] && awk -F: '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1" || echo "-"
}

declare -A IM_WALL IM_OWN IM_ROWS IM_HEAP IM_RSS IM_CPU IM_GC
for label in first reimport; do
	if [[ "$label" == reimport && "$REIMPORT" != 1 ]]; then
		continue
	fi
	run_import "$label"
	IM_WALL[$label]=$IMPORT_WALL
	IM_OWN[$label]=$(summary_value "$OUT/import-$label.log" 'wall time')
	IM_ROWS[$label]=$(summary_value "$OUT/import-$label.log" 'rows imported')
	IM_HEAP[$label]=$(summary_value "$OUT/import-$label.log" 'peak heap')
	IM_RSS[$label]=$(max_rss_mb "$OUT/import-$label.time")
	IM_GC[$label]=$(gc_heap "$OUT/import-$label.gc")
	IM_CPU[$label]="$(client_cpu "$OUT/import-$label.time") + $IMPORT_SERVER_CPU"
	grep -E '^(KBO import|rows|errors?|failure|wall time|peak heap)' "$OUT/import-$label.log" | head -20 >&2 || true
done

# 6. the imported tables must hold every row of the extract
IMPORTED=$(psql -X -At -d "$IMPORT_DB" -c "SELECT (SELECT count(*) FROM registry_enterprise)
	+ (SELECT count(*) FROM registry_establishment) + (SELECT count(*) FROM registry_denomination)
	+ (SELECT count(*) FROM registry_address)")
log "registry tables hold $IMPORTED rows (extract: $TOTAL_ROWS)"

# 7. the table
COPY_RATE=$(rate "$TOTAL_ROWS" "$COPY_WALL")
KEYED_RATE=$(rate "$TOTAL_ROWS" "$KEYED_WALL")
ratio() { awk -v a="$1" -v b="$COPY_RATE" 'BEGIN { if (b > 0 && a != "-") printf "%.3f", a / b; else print "-" }'; }
ROW='%-20s %11s %9s %9s %8s %15s %10s %15s %9s\n'
{
	echo
	echo "Registry import benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, N=$N enterprises, $TOTAL_ROWS rows, $EXTRACT_MB MB of CSV"
	echo "importer JVM: -Xmx$HEAP ${JAVA_OPTS_EXTRA:-(default GC, G1)}; PostgreSQL $(psql -X -At -d postgres -c 'SHOW server_version' | cut -d' ' -f1) on $PGHOST; load average at start $LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg)"
	printf "$ROW" "run" "rows" "wall s" "rows/s" "vs COPY" "CPU s cli+srv" "peak heap" "GC before/after" "max RSS"
	printf "$ROW" "COPY (psql \\copy)" "$TOTAL_ROWS" "$COPY_WALL" "$COPY_RATE" "1" "$COPY_CLIENT_CPU + $COPY_SERVER_CPU" "-" "-" "-"
	printf "$ROW" "COPY + keyed INSERT" "$TOTAL_ROWS" "$KEYED_WALL" "$KEYED_RATE" "$(ratio "$KEYED_RATE")" \
		"$COPY_CLIENT_CPU + $(awk -v a="$COPY_SERVER_CPU" -v b="$KEYED_SERVER_CPU" 'BEGIN { print a + b }')" "-" "-" "-"
	for label in first reimport; do
		[[ -n "${IM_WALL[$label]:-}" ]] || continue
		# the importer's own wall time (JVM start and Flyway excluded) when it reports one, else the process's
		own="${IM_OWN[$label]:-}"
		secs="${own:-${IM_WALL[$label]}}"
		r=$(rate "$TOTAL_ROWS" "$secs")
		printf "$ROW" "importer ($label)" "${IM_ROWS[$label]:-?}" "$secs" "$r" "$(ratio "$r")" "${IM_CPU[$label]}" \
			"${IM_HEAP[$label]:--}" "${IM_GC[$label]}" "${IM_RSS[$label]} MB"
	done
	echo "process wall time incl. JVM start and Flyway: first ${IM_WALL[first]:-} s, re-import ${IM_WALL[reimport]:--} s"
	echo "COPY per file (s): enterprise ${COPY_S[enterprise]}, establishment ${COPY_S[establishment]}, denomination ${COPY_S[denomination]}, address ${COPY_S[address]}; keyed INSERTs (ms): $(echo $KEYED_TIMES | tr ' ' '/')"
} | tee "$OUT/result-$N.txt"

if [[ "$IMPORTED" != "$TOTAL_ROWS" ]]; then
	log "the importer left $IMPORTED rows in the registry tables, the extract has $TOTAL_ROWS"
	exit 1
fi
