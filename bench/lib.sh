# Shared by the benchmark runners (source it after setting ROOT, the repository root). Not run on its own.

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# Sets JAR to the application jar: EBOX_JAR as is when set, else target/ebox-*.jar, rebuilt when a source changed
# since the last build started here. The sources are compared with the moment that build started, not with the jar:
# a file saved while Maven was packaging is older than the jar and yet not in it.
application_jar() {
	local built_from="$ROOT/target/.bench-build-started"
	if [[ -n "${EBOX_JAR:-}" ]]; then
		JAR="$EBOX_JAR"
		return
	fi
	JAR="$(ls "$ROOT"/target/ebox-*.jar 2>/dev/null | grep -v original | head -1 || true)"
	if [[ -z "$JAR" || ! -f "$built_from" \
			|| -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$built_from" -type f -print -quit)" ]]; then
		mkdir -p "$ROOT/target"
		touch "$built_from"
		log "building the application jar (mvn -q -B -DskipTests package)"
		(cd "$ROOT" && mvn -q -B -ntp -DskipTests package)
		JAR="$(ls "$ROOT"/target/ebox-*.jar | grep -v original | head -1)"
	fi
	log "application jar: ${JAR#"$ROOT/"}"
}

# CPU ticks (user + system, in 1/100 s) of the given processes, summed; a process gone counts 0.
cpu_ticks() {
	local total=0 p ticks
	for p in "$@"; do
		ticks=$(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null) && total=$((total + ticks))
	done
	echo "$total"
}

# The pids of the PostgreSQL backends connected to a database (the application's pool, once warm).
db_backends() {
	psql -X -At -d postgres -c "SELECT pid FROM pg_stat_activity WHERE datname = '$1' AND backend_type = 'client backend'" | tr '\n' ' '
}

# with_cpu APP_PID DB WARMUP DURATION CPU_FILE command...: runs a load client (a line ending in "N requests, E errors"),
# prints its line, and appends to CPU_FILE (and stderr) the CPU per measured request of the application process and of
# the database's backends, sampled from WARMUP seconds after the start for DURATION seconds (the client's measured part).
# The machine is shared: CPU per request is what other load disturbs least.
with_cpu() {
	local app=$1 db=$2 warmup=$3 duration=$4 cpu_file=$5
	shift 5
	local sample; sample=$(mktemp)
	(
		sleep "$warmup"
		local pg; pg=$(db_backends "$db")
		local a0 p0; a0=$(cpu_ticks "$app"); p0=$(cpu_ticks $pg)
		sleep "$duration"
		echo "$(( $(cpu_ticks "$app") - a0 )) $(( $(cpu_ticks $pg) - p0 ))" >"$sample"
	) &
	local sampler=$!
	local line; line=$("$@")
	wait "$sampler"
	echo "$line"
	local app_ticks pg_ticks; read -r app_ticks pg_ticks <"$sample"
	rm -f "$sample"
	awk -v l="$line" -v a="$app_ticks" -v p="$pg_ticks" 'BEGIN {
		split(l, f, " "); n = 0; for (i = 1; i < length(f); i++) if (f[i + 1] == "requests,") n = f[i]
		if (n > 0) printf "cpu %-8s app %.2f ms/request, PostgreSQL %.2f ms/request (%d requests; load %s)\n", f[1], a * 10 / n, p * 10 / n, n, "'"$(cut -d' ' -f1 /proc/loadavg)"'"
	}' | tee -a "$cpu_file" >&2
}
