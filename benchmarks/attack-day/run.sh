#!/usr/bin/env bash
# Issue 14's attack day: starts the local launcher on loopback, runs every attack at once for a bounded time
# (default 120 s) while a scripted genuine tipster and coordinator keep working, prints their success rates, each
# app's peak heap and the OutOfMemoryError count, then stops the launcher. Only ever sends to 127.0.0.1.
#
#   ./mvnw -B -ntp -q -DskipTests -pl deploy,benchmarks -am package
#   benchmarks/attack-day/run.sh
#
# Settings (environment): TIPLINE_INTAKE_PORT (28080), TIPLINE_TRIAGE_PORT (28081), TIPLINE_DB_PORT (28432),
# TIPLINE_DATA_DIR (a new directory under /tmp), ATTACK_DAY_SECONDS (120), ATTACK_DAY_BASELINE_SECONDS (35: the
# genuine users alone first, so a failure under attack is the attack's doing), TIPLINE_PROOF_OF_WORK (true).
# Exit status: 0 when the tip line held (every genuine step succeeded, no 5xx but the apps' deliberate 503 "busy"
# pages, no OutOfMemoryError), 1 when it did not, 2 when the launcher could not be started.
set -euo pipefail
cd "$(dirname "$0")/../.."

intake_port=${TIPLINE_INTAKE_PORT:-28080}
triage_port=${TIPLINE_TRIAGE_PORT:-28081}
db_port=${TIPLINE_DB_PORT:-28432}
seconds=${ATTACK_DAY_SECONDS:-120}
baseline=${ATTACK_DAY_BASELINE_SECONDS:-35}
data=${TIPLINE_DATA_DIR:-$(mktemp -d /tmp/tipline-attack-day.XXXXXX)}

for jar in deploy/target/tipline-local.jar benchmarks/target/benchmarks.jar; do
  if [ ! -f "$jar" ]; then
    echo "missing $jar; build first: ./mvnw -B -ntp -DskipTests -pl deploy,benchmarks -am package" >&2
    exit 2
  fi
done
mkdir -p "$data"
chmod 700 "$data"
log="$data/launcher.log"

TIPLINE_DATA_DIR="$data" TIPLINE_INTAKE_PORT="$intake_port" TIPLINE_TRIAGE_PORT="$triage_port" \
  TIPLINE_DB_PORT="$db_port" TIPLINE_PROOF_OF_WORK="${TIPLINE_PROOF_OF_WORK:-true}" \
  java -jar deploy/target/tipline-local.jar >"$log" 2>&1 &
launcher=$!
stop_launcher() {
  if kill -0 "$launcher" 2>/dev/null; then
    kill "$launcher"
    wait "$launcher" || true
  fi
}
trap stop_launcher EXIT

for _ in $(seq 1 300); do
  grep -q "Tipline is running" "$log" && break
  if ! kill -0 "$launcher" 2>/dev/null; then
    echo "the launcher exited; its log ($log) ends with:" >&2
    tail -20 "$log" >&2
    exit 2
  fi
  sleep 1
done
if ! grep -q "Tipline is running" "$log"; then
  echo "the launcher was not ready within 300 s; see $log" >&2
  exit 2
fi

echo "Launcher ready (data and logs: $data)"
status=0
java -Xmx1g -cp benchmarks/target/benchmarks.jar org.tipline.benchmarks.attackday.AttackDay \
  "http://127.0.0.1:$intake_port" "http://127.0.0.1:$triage_port" "$data" "$seconds" "$baseline" \
  "jdbc:postgresql://127.0.0.1:$db_port/tipline" || status=$?
echo "Apps' logs: $data/logs"
exit "$status"
