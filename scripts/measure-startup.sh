#!/usr/bin/env bash
# Measures the cold start (new data directory: initdb, migrations, map load), a warm restart, the time to the
# first page, and the resident memory after start. Usage: scripts/measure-startup.sh [runs]
# Needs target/khuyenhoc.jar (./mvnw package -DskipTests) and curl. Prints one line per start.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=18080
dir=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$dir"' EXIT

ms() { date +%s%3N; }
start() {
    local label=$1
    local t0; t0=$(ms)
    KHUYENHOC_DATA_DIR="$dir/data" KHUYENHOC_ADMIN_PASSWORD=bench-password-1 SERVER_PORT=$port \
        java -jar target/khuyenhoc.jar > "$dir/log" 2>&1 &
    pid=$!
    until curl -fs "http://localhost:$port/actuator/health" > /dev/null; do sleep 0.05; done
    local t1; t1=$(ms)
    curl -fs -o /dev/null "http://localhost:$port/login"
    local t2; t2=$(ms)
    curl -fs -o /dev/null -u admin:bench-password-1 "http://localhost:$port/api/v1/localities?parent=66"
    local t3; t3=$(ms)
    sleep 2
    local jvm pg
    jvm=$(ps -o rss= -p "$pid")
    pg=$(ps -eo rss=,args= | grep "[p]ostgres" | grep -c . || true)
    local pgrss; pgrss=$(ps -eo rss=,args= | grep "[p]ostgres" | awk '{s+=$1} END {print s+0}')
    printf '%-8s ready %5d ms · first page (/login) %4d ms later · first API list %4d ms later · RSS JVM %4d MiB, PostgreSQL %3d MiB in %d processes\n' \
        "$label" $((t1 - t0)) $((t2 - t1)) $((t3 - t2)) $((jvm / 1024)) $((pgrss / 1024)) "$pg"
    kill "$pid"; wait "$pid" 2>/dev/null || true
}

start cold
for i in $(seq 1 "$runs"); do start warm; done
