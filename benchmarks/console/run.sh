#!/usr/bin/env bash
# Console latency on this machine, against its PostgreSQL (127.0.0.1:5432, user postgres): the queue's first page
# with 1,000,000 tips stored and 10,000 open, opening a tip, and take-next with 8 coordinators in parallel.
# Results go to stdout; docs/benchmarks.md records them.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=tipline_bench_console_$$
# Ports are variables so two benchmarks (or a benchmark and a running launcher) can share the machine.
INTAKE_PORT=${BENCH_INTAKE_PORT:-18080}
TRIAGE_PORT=${BENCH_TRIAGE_PORT:-18081}
DATA=$(mktemp -d)
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB"
cleanup() {
  status=$?
  # A failed run keeps what the apps said, which is gone with the data directory otherwise.
  if [ "$status" -ne 0 ]; then
    for log in "$DATA"/launcher.out "$DATA"/logs/*.log; do
      [ -f "$log" ] && { echo "== warnings and errors in $log"; grep -E "WARN|ERROR|Exception|OutOfMemory" "$log" | tail -40 || true; }
    done
    ls -R "$DATA" | head -40
  fi
  [ -n "${LAUNCHER:-}" ] && kill "$LAUNCHER" 2>/dev/null && wait "$LAUNCHER" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap cleanup EXIT

TIPLINE_DATA_DIR=$DATA TIPLINE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB TIPLINE_INTAKE_PORT=$INTAKE_PORT \
  TIPLINE_TRIAGE_PORT=$TRIAGE_PORT java -jar deploy/target/tipline-local.jar > "$DATA/launcher.out" 2>&1 &
LAUNCHER=$!
for _ in $(seq 1 180); do grep -q "Tipline is running" "$DATA/launcher.out" && break; sleep 1; done
grep -q "Tipline is running" "$DATA/launcher.out" || { cat "$DATA/launcher.out"; exit 1; }

java -cp benchmarks/target/benchmarks.jar org.tipline.benchmarks.ConsoleLoad http://127.0.0.1:$TRIAGE_PORT \
  "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" "$DATA/demo-accounts.txt"
