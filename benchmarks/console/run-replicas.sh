#!/usr/bin/env bash
# Staff actions per second with one and with two triage replicas behind nginx, against this machine's PostgreSQL
# (127.0.0.1:5432, user postgres): the launcher's triage and intake, a second triage replica from the same jar, and
# nginx with two consoles (one replica; two replicas with a route-cookie hash, as TriageReplicasIT runs them).
# Needs nginx. PORT_BASE (default 18090) and the next five ports are used. docs/benchmarks.md records the results.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT_BASE=${PORT_BASE:-18090}
INTAKE=$PORT_BASE TRIAGE_A=$((PORT_BASE + 1)) TRIAGE_B=$((PORT_BASE + 2))
ONE=$((PORT_BASE + 3)) TWO=$((PORT_BASE + 4))
DB=${DB_PREFIX:-tipline_bench}_replicas_$$
DATA=$(mktemp -d)
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB"
cleanup() {
  [ -n "${NGINX:-}" ] && kill "$NGINX" 2>/dev/null && wait "$NGINX" 2>/dev/null || true
  [ -n "${SECOND:-}" ] && kill "$SECOND" 2>/dev/null && wait "$SECOND" 2>/dev/null || true
  [ -n "${LAUNCHER:-}" ] && kill "$LAUNCHER" 2>/dev/null && wait "$LAUNCHER" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap cleanup EXIT

export TIPLINE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB TIPLINE_DB_OWNER_USER=postgres
TIPLINE_DATA_DIR=$DATA TIPLINE_INTAKE_PORT=$INTAKE TIPLINE_TRIAGE_PORT=$TRIAGE_A \
  java -jar deploy/target/tipline-local.jar > "$DATA/launcher.out" 2>&1 &
LAUNCHER=$!
for _ in $(seq 1 180); do grep -q "Tipline is running" "$DATA/launcher.out" && break; sleep 1; done
grep -q "Tipline is running" "$DATA/launcher.out" || { cat "$DATA/launcher.out"; exit 1; }

# The second replica: same database, same checkpoint key, its own port.
TIPLINE_TRIAGE_PORT=$TRIAGE_B TIPLINE_SECURE_COOKIES=false TIPLINE_AUDIT_CHECKPOINT_KEY_FILE=$DATA/audit-checkpoint.key \
  java -Xmx512m -jar "$DATA/apps/triage-service.jar" > "$DATA/triage-b.log" 2>&1 &
SECOND=$!
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$TRIAGE_B/actuator/health/readiness" >/dev/null && break; sleep 1
done

mkdir -p "$DATA"/nginx/{logs,body,proxy,fastcgi,uwsgi,scgi}
cat > "$DATA/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $DATA/nginx/nginx.pid;
error_log $DATA/nginx/logs/error.log warn;
events { worker_connections 512; }
http {
    access_log off;
    client_body_temp_path $DATA/nginx/body;
    proxy_temp_path $DATA/nginx/proxy;
    fastcgi_temp_path $DATA/nginx/fastcgi;
    uwsgi_temp_path $DATA/nginx/uwsgi;
    scgi_temp_path $DATA/nginx/scgi;
    map \$cookie_tipline_route \$tipline_route { "" \$request_id; default \$cookie_tipline_route; }
    map \$cookie_tipline_route \$tipline_route_cookie {
        "" "tipline_route=\$request_id; Path=/; HttpOnly; SameSite=Strict";
        default "";
    }
    upstream one { server 127.0.0.1:$TRIAGE_A; keepalive 16; }
    upstream two {
        hash \$tipline_route consistent;
        server 127.0.0.1:$TRIAGE_A;
        server 127.0.0.1:$TRIAGE_B;
        keepalive 16;
    }
    server {
        listen 127.0.0.1:$ONE;
        location / {
            proxy_pass http://one; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$http_host;
            add_header Set-Cookie \$tipline_route_cookie; add_header X-Upstream \$upstream_addr;
        }
    }
    server {
        listen 127.0.0.1:$TWO;
        location / {
            proxy_pass http://two; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$http_host;
            add_header Set-Cookie \$tipline_route_cookie; add_header X-Upstream \$upstream_addr;
        }
    }
}
CONF
nginx -p "$DATA/nginx" -c "$DATA/nginx/nginx.conf" &
NGINX=$!
sleep 1

java -cp benchmarks/target/benchmarks.jar org.tipline.benchmarks.ReplicaLoad "http://127.0.0.1:$ONE" \
  "http://127.0.0.1:$TWO" "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" "$DATA/demo-accounts.txt"
