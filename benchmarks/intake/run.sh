#!/usr/bin/env bash
# Intake throughput on this machine, against its PostgreSQL (127.0.0.1:5432, user postgres): the form page with
# wrk, accepted tips with the closed-loop load generator, and pgbench inserting rows of the same shape, in one run.
# Every load stays on loopback and stops by itself. Results go to stdout; docs/benchmarks.md records them.
# The proof of work is switched off (TIPLINE_PROOF_OF_WORK=false): this measures filing, not the browser's work.
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${CLIENTS:-32}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-60}
DB=tipline_bench_$$
DATA=$(mktemp -d)
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB"
cleanup() {
  [ -n "${LAUNCHER:-}" ] && kill "$LAUNCHER" 2>/dev/null && wait "$LAUNCHER" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap cleanup EXIT

TIPLINE_PROOF_OF_WORK=false TIPLINE_DATA_DIR=$DATA TIPLINE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB TIPLINE_INTAKE_PORT=18080 \
  TIPLINE_TRIAGE_PORT=18081 java -jar deploy/target/tipline-local.jar > "$DATA/launcher.out" 2>&1 &
LAUNCHER=$!
for _ in $(seq 1 180); do grep -q "Tipline is running" "$DATA/launcher.out" && break; sleep 1; done
grep -q "Tipline is running" "$DATA/launcher.out" || { cat "$DATA/launcher.out"; exit 1; }

echo "== warm-up (not measured): 20 s of form pages and tips, so the JIT has compiled the hot paths"
wrk -t2 -c"$CLIENTS" -d10s http://127.0.0.1:18080/ > /dev/null
java -cp benchmarks/target/benchmarks.jar org.tipline.benchmarks.IntakeLoad http://127.0.0.1:18080 "$CLIENTS" 10 > /dev/null

echo "== form page (wrk, 2 threads, $CLIENTS connections, 30 s)"
wrk -t2 -c"$CLIENTS" -d30s --latency http://127.0.0.1:18080/ | grep -E "Requests/sec|50%|99%"

echo "== accepted tips ($CLIENTS clients, $SECONDS_PER_RUN s)"
java -cp benchmarks/target/benchmarks.jar org.tipline.benchmarks.IntakeLoad http://127.0.0.1:18080 "$CLIENTS" "$SECONDS_PER_RUN"

echo "== accepted tips with wrk as the client ($CLIENTS connections, $SECONDS_PER_RUN s); accepted = rows committed"
BEFORE=$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT count(*) FROM tip")
wrk -t2 -c"$CLIENTS" -d"${SECONDS_PER_RUN}s" --latency -s benchmarks/intake/post-tip.lua http://127.0.0.1:18080/tips \
  | grep -E "Requests/sec|50%|99%|Non-2xx"
AFTER=$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT count(*) FROM tip")
echo "tips committed: $((AFTER - BEFORE)), per second: $(( (AFTER - BEFORE) / SECONDS_PER_RUN ))"

echo "== pgbench: rows of the same shape, $CLIENTS clients, $SECONDS_PER_RUN s"
psql -h 127.0.0.1 -U postgres -d "$DB" -q <<'SQL'
CREATE TABLE bench_tip (LIKE tip INCLUDING ALL);
CREATE TABLE bench_tip_data_key (LIKE tip_data_key INCLUDING ALL);
CREATE TABLE bench_tip_content (LIKE tip_content INCLUDING ALL);
SQL
pgbench -h 127.0.0.1 -U postgres -n -c "$CLIENTS" -j 2 -T "$SECONDS_PER_RUN" -f benchmarks/intake/pgbench-insert.sql "$DB" \
  | grep -E "^tps|latency average"
