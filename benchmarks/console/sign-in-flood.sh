#!/usr/bin/env bash
# Issue 14 items 1 and 7 against the launcher (triage at -Xmx512m): WORKERS anonymous clients sign in with made-up
# names as fast as they can for SECONDS, while the demo coordinator signs in with password and code every 31 s from a
# browser that signed in before (device cookie). Prints the strangers' answers, the coordinator's successes, the
# console's peak heap (jstat, every 250 ms) and any OutOfMemoryError. Needs PostgreSQL at 127.0.0.1:5432 (postgres)
# and deploy/target/tipline-local.jar. docs/reliability.md records the results.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORKERS=${WORKERS:-40}
SECONDS_TO_RUN=${SECONDS_TO_RUN:-60}
INTAKE_PORT=${INTAKE_PORT:-38080}
PORT=${TRIAGE_PORT:-38081}
BASE=http://127.0.0.1:$PORT
DB=tipline_sign_in_flood_$$
DATA=$(mktemp -d)
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB"
cleanup() {
  [ -n "${SAMPLER:-}" ] && kill "$SAMPLER" 2>/dev/null || true
  [ -n "${LAUNCHER:-}" ] && kill "$LAUNCHER" 2>/dev/null && wait "$LAUNCHER" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap cleanup EXIT

TIPLINE_DATA_DIR=$DATA TIPLINE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB TIPLINE_INTAKE_PORT=$INTAKE_PORT \
  TIPLINE_TRIAGE_PORT=$PORT TIPLINE_SECURE_COOKIES=false java -jar deploy/target/tipline-local.jar \
  > "$DATA/launcher.out" 2>&1 &
LAUNCHER=$!
for _ in $(seq 1 600); do grep -q "Tipline is running" "$DATA/launcher.out" && break; sleep 1; done
grep -q "Tipline is running" "$DATA/launcher.out" || { cat "$DATA/launcher.out"; exit 1; }
TRIAGE_PID=$(pgrep -P "$LAUNCHER" -f "triage-service.jar")

read -r USERNAME PASSWORD TOTP < <(sed -n 's/^coordinator: username=\(\S*\) password=\(\S*\) totp=\(\S*\)$/\1 \2 \3/p' \
  "$DATA/demo-accounts.txt")

csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="\(.*\)"/\1/'; }

# Signs the coordinator in with the cookie jar $1; prints the page it lands on.
sign_in() {
  local jar=$1 token code
  token=$(curl -s --max-time 30 -c "$jar" -b "$jar" "$BASE/login" | csrf)
  curl -s --max-time 30 -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" --data-urlencode "username=$USERNAME" \
    --data-urlencode "password=$PASSWORD" "$BASE/login"
  token=$(curl -s --max-time 30 -c "$jar" -b "$jar" "$BASE/sign-in/code" | csrf)
  code=$(java -jar deploy/target/tipline-local.jar totp "$TOTP")
  curl -s --max-time 30 -o /dev/null -L -w '%{url_effective} %{http_code}\n' -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" \
    --data-urlencode "code=$code" "$BASE/sign-in/code"
}

stranger() {
  local jar="$DATA/stranger-$1" token end=$((SECONDS + SECONDS_TO_RUN))
  token=$(curl -s --max-time 30 -c "$jar" -b "$jar" "$BASE/login" | csrf)
  while [ $SECONDS -lt $end ]; do
    curl -s --max-time 30 -o /dev/null -w '%{http_code} %{redirect_url}\n' -H 'Accept: text/html' -c "$jar" -b "$jar" \
      --data-urlencode "_csrf=$token" --data-urlencode "username=made-up-$RANDOM$RANDOM" \
      --data-urlencode "password=guess" "$BASE/login" >> "$DATA/strangers.txt" || echo "connection-failed" \
      >> "$DATA/strangers.txt"
  done
}

echo "before the flood: $(sign_in "$DATA/coordinator.jar")"
jcmd "$TRIAGE_PID" GC.run > /dev/null
jstat -gc "$TRIAGE_PID" | awk 'NR == 2 { printf "heap used by triage after a full GC, before the flood: %.0f MiB\n", ($3 + $4 + $6 + $8) / 1024 }'
sleep 31
jstat -gc "$TRIAGE_PID" 250 > "$DATA/heap.txt" &
SAMPLER=$!
STRANGERS=()
for i in $(seq 1 "$WORKERS"); do
  stranger "$i" &
  STRANGERS+=($!)
done
GENUINE=0
OK=0
END=$((SECONDS + SECONDS_TO_RUN))
sleep 5
while [ $SECONDS -lt $((END - 5)) ]; do
  landed=$(sign_in "$DATA/coordinator.jar")
  GENUINE=$((GENUINE + 1))
  case $landed in */queue\ 200) OK=$((OK + 1)) ;; esac
  echo "during the flood: $landed"
  sleep 31
done
wait "${STRANGERS[@]}"
kill "$SAMPLER"

echo "strangers' answers ($WORKERS workers, ${SECONDS_TO_RUN}s):"
sed 's/ .*\(login?[a-z]*\).*/ \1/' "$DATA/strangers.txt" | sort | uniq -c
echo "coordinator: $OK of $GENUINE sign-ins reached the queue"
awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END {
  printf "peak heap used by triage: %.0f MiB (of 512)\n", max / 1024 }' "$DATA/heap.txt"
echo "OutOfMemoryError in logs: $(grep -rl OutOfMemoryError "$DATA" --include='*.log' --include='*.out' | wc -l)"
grep -r -A12 OutOfMemoryError "$DATA" --include='*.log' --include='*.out' | head -40 || true
curl -s --max-time 30 -o /dev/null -w 'health after: %{http_code}\n' "$BASE/actuator/health"
