#!/usr/bin/env bash
# Filing tips against the storage floor, in one run on this machine's PostgreSQL (127.0.0.1:5432, user postgres):
#   1. pgbench, one row per transaction holding as many bytes as a filed tip (the floor for storing a tip at all);
#   2. wrk filing tips as a browser does (file-tips.lua: the form page for a fresh submission token, then the send
#      exactly as the review page posts it), accepted = rows committed, counted in the database;
#   3. pgbench, the three inserts of SealedTip.INSERT with the payload sizes of the tips filed in step 2.
# Then both ratios, the send's p50/p99, and the intake JVM's peak resident memory (VmHWM, start-up included).
# The proof of work is off (TIPLINE_PROOF_OF_WORK=false): this measures filing, not the browser's work.
# LAUNCHER_JAR=path runs another build (e.g. a copy of the jar before a change) against the same scripts.
# PROFILE=file.jfr records a JDK Flight Recorder profile of intake over step 2 (then the figures include its cost).
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${CLIENTS:-32}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-60}
WARM_UP_SECONDS=${WARM_UP_SECONDS:-30}
INTAKE_PORT=${INTAKE_PORT:-18080}
TRIAGE_PORT=${TRIAGE_PORT:-18081}
DB=${DB_PREFIX:-tipline_bench}_$$
DATA=$(mktemp -d)
PG=(-h 127.0.0.1 -U postgres)
psql "${PG[@]}" -qc "CREATE DATABASE $DB"
cleanup() {
  [ -n "${LAUNCHER:-}" ] && kill "$LAUNCHER" 2>/dev/null && wait "$LAUNCHER" 2>/dev/null || true
  psql "${PG[@]}" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap cleanup EXIT

if [ -n "${PROFILE:-}" ]; then
  # Whole stacks (the default keeps 64 frames, too few to see which request a frame served), sampled every 2 ms.
  export JAVA_TOOL_OPTIONS="-XX:FlightRecorderOptions:stackdepth=512"
  sed '/method-sampling-java-interval/s/10 ms/2 ms/' \
    "$(dirname "$(readlink -f "$(command -v java)")")/../lib/jfr/profile.jfc" > "$DATA/profile.jfc"
fi
start_tipline() {
  : > "$DATA/launcher.out"
  TIPLINE_READY_TIMEOUT_SECONDS=600 TIPLINE_AUDIT_CHECKPOINT_EXPORT_DIR=$DATA/checkpoints TIPLINE_PROOF_OF_WORK=false TIPLINE_DATA_DIR=$DATA \
    TIPLINE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB TIPLINE_INTAKE_PORT=$INTAKE_PORT TIPLINE_TRIAGE_PORT=$TRIAGE_PORT \
    java -jar "${LAUNCHER_JAR:-deploy/target/tipline-local.jar}" > "$DATA/launcher.out" 2>&1 &
  LAUNCHER=$!
  while kill -0 "$LAUNCHER" 2>/dev/null && ! grep -q "Tipline is running" "$DATA/launcher.out"; do sleep 1; done
  grep -q "Tipline is running" "$DATA/launcher.out"
}
start_tipline || { cat "$DATA/launcher.out"; exit 1; }
INTAKE_PID=$(pgrep -P "$LAUNCHER" -f "apps/intake-web.jar")
URL=http://127.0.0.1:$INTAKE_PORT

# The typed answers in file-tips.lua must name every field the form page has (a renamed field would be dropped).
curl -fsS "$URL/?lang=en" | grep -o 'name="[^"]*"' | sed 's/name="\(.*\)"/\1/' | sort -u | while read -r name; do
  case $name in step | submission | happeningNow | viewport | referrer) continue ;; esac
  grep -qF "\"$name\"" benchmarks/intake/file-tips.lua || { echo "file-tips.lua does not fill '$name'"; exit 1; }
done

files_tips() { # seconds; prints the script's summary
  FLOW=${FLOW:-send} wrk -t"$CLIENTS" -c"$CLIENTS" -d"$1s" --timeout 10s -s benchmarks/intake/file-tips.lua "$URL/"
}
tips() { psql "${PG[@]}" -d "$DB" -Atc "SELECT count(*) FROM tip"; }
tps() { grep -E "^tps" | sed -E 's/tps = ([0-9.]+).*/\1/'; }

echo "== warm-up, not measured: ${WARM_UP_SECONDS} s of tips, so the JIT has compiled the hot paths"
files_tips "$WARM_UP_SECONDS" > /dev/null
read -r KEY WRAPPED SEALED < <(psql "${PG[@]}" -d "$DB" -AtF' ' -c "SELECT
  (SELECT round(avg(octet_length(tipster_public_key))) FROM tip),
  (SELECT round(avg(octet_length(wrapped))) FROM tip_data_key),
  (SELECT round(avg(octet_length(sealed))) FROM tip_content)")
TOTAL=$((KEY + WRAPPED + SEALED + 32))
echo "stored per tip: tipster key $KEY B, wrapped data key $WRAPPED B, sealed answers $SEALED B"

psql "${PG[@]}" -d "$DB" -q <<'SQL'
CREATE TABLE bench_one_row (id uuid PRIMARY KEY, receipt_lookup bytea NOT NULL UNIQUE, body bytea NOT NULL);
CREATE TABLE bench_tip (LIKE tip INCLUDING ALL);
CREATE TABLE bench_tip_data_key (LIKE tip_data_key INCLUDING ALL);
CREATE TABLE bench_tip_content (LIKE tip_content INCLUDING ALL);
ALTER TABLE bench_one_row ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE bench_tip ALTER COLUMN tipster_public_key SET STORAGE EXTERNAL;
ALTER TABLE bench_tip_data_key ALTER COLUMN wrapped SET STORAGE EXTERNAL;
ALTER TABLE bench_tip_content ALTER COLUMN sealed SET STORAGE EXTERNAL;
SQL
PGBENCH=(pgbench "${PG[@]}" -n -c "$CLIENTS" -j 2 -T "$SECONDS_PER_RUN")

echo "== pgbench, one row of $TOTAL B per transaction, $CLIENTS clients, $SECONDS_PER_RUN s"
ONE_ROW=$("${PGBENCH[@]}" -D total="$TOTAL" -f benchmarks/intake/pgbench-one-row.sql "$DB" | tps)
echo "rows/s: $ONE_ROW"

echo "== tips filed by wrk, $CLIENTS connections, $SECONDS_PER_RUN s (FLOW=${FLOW:-send})"
if [ -n "${PROFILE:-}" ]; then
  jcmd "$INTAKE_PID" JFR.start name=intake-profile settings="$DATA/profile.jfc" duration="${SECONDS_PER_RUN}s" filename="$(realpath -m "$PROFILE")" > /dev/null
fi
BEFORE=$(tips)
files_tips "$SECONDS_PER_RUN"
AFTER=$(tips)
ACCEPTED=$(echo "scale=1; ($AFTER - $BEFORE) / $SECONDS_PER_RUN" | bc)
echo "tips committed: $((AFTER - BEFORE)), per second: $ACCEPTED"

echo "== pgbench, the three inserts of a tip ($KEY + $WRAPPED + $SEALED B), $CLIENTS clients, $SECONDS_PER_RUN s"
THREE=$("${PGBENCH[@]}" -D key="$KEY" -D wrapped="$WRAPPED" -D sealed="$SEALED" \
  -f benchmarks/intake/pgbench-three-statements.sql "$DB" | tps)
echo "transactions/s: $THREE"

RSS=$(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$INTAKE_PID/status")
echo "== summary"
echo "accepted tips/s $ACCEPTED | one-row pgbench $ONE_ROW/s, ratio $(echo "scale=3; $ACCEPTED / $ONE_ROW" | bc)" \
  "(target >= 0.25) | three-statement pgbench $THREE/s, ratio $(echo "scale=3; $ACCEPTED / $THREE" | bc)" \
  "(target >= 0.5) | intake peak RSS $RSS (target <= 512 MB)"
