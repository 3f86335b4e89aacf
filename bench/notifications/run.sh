#!/usr/bin/env bash
# Notifications benchmark: 100 000 new messages for 20 000 people -> alerts -> e-mails -> a local SMTP sink.
# Phase 1 (fan-out): the application turns the NEW alerts into outbox e-mails (no sender threads).
# Phase 2 (drain): the application sends the outbox to the sink (no alert threads).
# FANOUT=sql skips phase 1 and writes the same outbox rows with SQL (to measure the drain alone, quickly).
# Knobs: SENDER_THREADS (4), ALERT_THREADS (2), MAIL_BATCH (500), ALERT_BATCH (500), APP_JAVA_OPTS, KEEP_DB=1.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
DB=${BENCH_DB:-ebox_bench_notif}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
SMTP_PORT=${SMTP_PORT:-3132}
HTTP_PORT=${HTTP_PORT:-8182}
SENDER_THREADS=${SENDER_THREADS:-4}
ALERT_THREADS=${ALERT_THREADS:-2}
MAIL_BATCH=${MAIL_BATCH:-500}
ALERT_BATCH=${ALERT_BATCH:-500}
mkdir -p out

JAR=$(ls "$ROOT"/target/ebox-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z "$JAR" || -n "$(find "$ROOT/src/main" -newer "$JAR" -print -quit)" ]]; then
  (cd "$ROOT" && mvn -q -B -ntp -o -DskipTests package)
  JAR=$(ls "$ROOT"/target/ebox-*.jar | grep -v original | head -1)
fi

psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
q() { psql -d "$DB" -At -c "$1"; }

java src/SmtpSink.java "$SMTP_PORT" out/sink-count > out/sink.log 2>&1 &
SINK=$!
APP=""
cleanup() {
  [[ -n "$APP" ]] && kill "$APP" 2>/dev/null || true
  kill "$SINK" 2>/dev/null || true
  [[ "${KEEP_DB:-0}" == 1 ]] || psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" || true
}
trap cleanup EXIT

start_app() { # $1 = log name, rest = extra environment
  local log=$1; shift
  env EBOX_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" EBOX_DB_USER="$PGUSER" EBOX_PORT="$HTTP_PORT" \
    EBOX_SMTP_HOST=localhost EBOX_SMTP_PORT="$SMTP_PORT" EBOX_DEMO=true EBOX_DEMO_SECRET=bench-demo-secret-2026 \
    EBOX_OPERATOR_PASSWORD='Bench secret Kx7 wq 2026!' EBOX_DATA_DIR="$PWD/out/data" \
    EBOX_NOTIFICATIONS_MAIL_BATCH="$MAIL_BATCH" EBOX_NOTIFICATIONS_ALERT_BATCH="$ALERT_BATCH" \
    EBOX_NOTIFICATIONS_POLL_INTERVAL=200ms "$@" \
    java -Xmx1g ${APP_JAVA_OPTS:-} -jar "$JAR" > "out/$log.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 300); do
    curl -fs "http://localhost:$HTTP_PORT/actuator/health" > /dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "application did not start, see out/$log.log" >&2; exit 1
}
stop_app() { kill "$APP"; wait "$APP" 2>/dev/null || true; APP=""; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# baseline: the same number of e-mails through bare JavaMail loops (same threads, same sink, no database)
rm -rf out/lib && mkdir -p out/lib && (cd out/lib && unzip -qj "$JAR" 'BOOT-INF/lib/jakarta.mail-api-*.jar' \
  'BOOT-INF/lib/angus-mail-*.jar' 'BOOT-INF/lib/jakarta.activation-api-*.jar' 'BOOT-INF/lib/angus-activation-*.jar')
BASE_N=${BASELINE_COUNT:-100000}
BASE_LOAD=$(cut -d' ' -f1 /proc/loadavg)
BASE_S=$(java -cp "$(ls out/lib/*.jar | paste -sd:)" src/PlainSend.java localhost "$SMTP_PORT" "$BASE_N" "$SENDER_THREADS")
sleep 0.5; SINK_BASE=$(cat out/sink-count)
start_app migrate EBOX_NOTIFICATIONS_WORKERS=false
stop_app
psql -q -d "$DB" -f data.sql

LOAD1=$(cut -d' ' -f1 /proc/loadavg)
if [[ "${FANOUT:-app}" == sql ]]; then
  # drain only: the outbox rows the fan-out would write, inserted directly
  T0=$(date +%s.%N)
  q "INSERT INTO notification_mail (address, language, kind, payload, state, created_at, next_attempt_at)
     SELECT a.email, a.language, 'ALERT', r.enterprise_number || ':NEW:1', 'PENDING', now(), now()
     FROM identity_account a JOIN access_role r ON r.account_id = a.id, generate_series(1, 5)
     WHERE a.username LIKE 'bench-%'" > /dev/null
  T1=$(date +%s.%N)
  LOAD2=$(cut -d' ' -f1 /proc/loadavg)
  ALERTS=0
  FANOUT_S=1
else
  T0=$(date +%s.%N)
  start_app fanout EBOX_NOTIFICATIONS_SENDER_THREADS=0 EBOX_NOTIFICATIONS_ALERT_THREADS="$ALERT_THREADS"
  until [[ $(q "SELECT COUNT(*) FROM notification_alert WHERE reason = 'NEW' AND handled_at IS NULL") == 0 ]]; do sleep 0.5; done
  T1=$(date +%s.%N)
  LOAD2=$(cut -d' ' -f1 /proc/loadavg)
  stop_app
  ALERTS=$(q "SELECT COUNT(*) FROM notification_alert WHERE reason = 'NEW'")
  FANOUT_S=$(q "SELECT EXTRACT(EPOCH FROM MAX(handled_at) - MIN(handled_at)) FROM notification_alert WHERE reason = 'NEW'")
fi
MAILS=$(q "SELECT COUNT(*) FROM notification_mail")

T2=$(date +%s.%N)
start_app drain EBOX_NOTIFICATIONS_SENDER_THREADS="$SENDER_THREADS" EBOX_NOTIFICATIONS_ALERT_THREADS=0
until [[ $(q "SELECT COUNT(*) FROM notification_mail WHERE state IN ('PENDING', 'SENDING')") == 0 ]]; do sleep 0.2; done
T3=$(date +%s.%N)
LOAD3=$(cut -d' ' -f1 /proc/loadavg)
sleep 0.5
stop_app
SENT=$(q "SELECT COUNT(*) FROM notification_mail WHERE state = 'SENT'")
FAILED=$(q "SELECT COUNT(*) FROM notification_mail WHERE state = 'FAILED'")
DRAIN_S=$(q "SELECT EXTRACT(EPOCH FROM MAX(sent_at) - MIN(sent_at)) FROM notification_mail")
SINK_COUNT=$(( $(cat out/sink-count) - SINK_BASE ))

awk -v alerts="$ALERTS" -v fan="$FANOUT_S" -v fanwall="$(echo "$T1 - $T0" | bc)" -v mails="$MAILS" -v sent="$SENT" \
    -v failed="$FAILED" -v drain="$DRAIN_S" -v drainwall="$(echo "$T3 - $T2" | bc)" -v sink="$SINK_COUNT" \
    -v bn="$BASE_N" -v bs="$BASE_S" -v bl="$BASE_LOAD" -v st="$SENDER_THREADS" -v at="$ALERT_THREADS" -v mb="$MAIL_BATCH" -v l1="$LOAD1" -v l2="$LOAD2" -v l3="$LOAD3" 'BEGIN {
  printf "notifications benchmark (PostgreSQL, SMTP sink in a separate process)\n"
  printf "fan-out: %d NEW alerts -> %d e-mails in %.1f s (first to last alert handled) = %.0f notifications/s; %.1f s wall incl. JVM start; %d alert threads\n", alerts, mails, fan, alerts / fan, fanwall, at
  printf "baseline: %d e-mails by bare JavaMail loops (%d threads, no database) in %.1f s = %.0f e-mails/s (load %s)\n", bn, st, bs, bn / bs, bl
  printf "drain:   %d e-mails sent (%d failed), sink accepted %d, in %.1f s (first to last SENT) = %.0f e-mails/s = %.2f of the baseline; outbox empty %.1f s after the JVM start; %d sender threads, batch %d\n", sent, failed, sink, drain, sent / drain, (sent / drain) / (bn / bs), drainwall, st, mb
  printf "load average (1 min): %s before fan-out, %s after fan-out, %s after drain\n", l1, l2, l3
}' | tee "out/result.txt"
[[ "$SENT" == "$MAILS" && "$SINK_COUNT" == "$SENT" ]] || { echo "MISMATCH: sent $SENT, outbox $MAILS, sink $SINK_COUNT" >&2; exit 1; }
