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
