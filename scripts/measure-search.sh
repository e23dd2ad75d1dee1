#!/usr/bin/env bash
# Search and list latency over the demo map (~3,200 villages): starts the jar with --khuyenhoc.demo-data=true on a
# new data directory, then times N requests of each kind with curl. Usage: scripts/measure-search.sh [requests]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
port=18082
dir=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$dir"' EXIT
KHUYENHOC_DATA_DIR="$dir/data" KHUYENHOC_ADMIN_PASSWORD=bench-password-1 SERVER_PORT=$port \
    java -jar target/khuyenhoc.jar --khuyenhoc.demo-data=true > "$dir/log" 2>&1 &
pid=$!
until curl -fs "http://localhost:$port/actuator/health" > /dev/null; do sleep 0.1; done
until grep -q "Demo data:" "$dir/log"; do sleep 0.1; done
grep -o "Demo data: .*" "$dir/log"
villages=$(curl -fs -u admin:bench-password-1 "http://localhost:$port/api/v1/localities?q=thon&size=1" | grep -o '"total":[0-9]*')
echo "villages matching 'thon': $villages"
measure() {
    local label=$1 url=$2
    for i in $(seq 1 20); do curl -fs -o /dev/null -u admin:bench-password-1 "$url"; done # warm-up
    for i in $(seq 1 "$n"); do curl -fs -o /dev/null -u admin:bench-password-1 -w '%{time_total}\n' "$url"; done \
        | sort -n | awk -v label="$label" '{a[NR]=$1} END {printf "%-40s median %6.1f ms  p95 %6.1f ms  (%d requests)\n", label, a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, NR}'
}
# pages with a signed-in session: the query and rendering, without a BCrypt check per request
jar="$dir/cookies"
csrf=$(curl -fs -c "$jar" "http://localhost:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -fs -o /dev/null -b "$jar" -c "$jar" -d "username=admin&password=bench-password-1&_csrf=$csrf" "http://localhost:$port/login"
page() {
    local label=$1 url=$2
    for i in $(seq 1 20); do curl -fs -o /dev/null -b "$jar" "$url"; done
    for i in $(seq 1 "$n"); do curl -fs -o /dev/null -b "$jar" -w '%{time_total}\n' "$url"; done \
        | sort -n | awk -v label="$label" '{a[NR]=$1} END {printf "%-40s median %6.1f ms  p95 %6.1f ms  (%d requests)\n", label, a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, NR}'
}
page "page: search q=buon ma thuot (htmx)" "http://localhost:$port/localities/search?q=buon%20ma%20thuot"
page "page: search q=thon (2,000+ hits, 50 shown)" "http://localhost:$port/localities/search?q=thon"
page "page: province with 102 communes" "http://localhost:$port/localities/66"
page "page: commune with its villages" "http://localhost:$port/localities/24133"
# the API signs in with HTTP Basic on every request, so each one pays a BCrypt check
measure "API search q=thon 5 (folded, trigram)" "http://localhost:$port/api/v1/localities?q=thon%205"
measure "API search q=buon (no diacritics)" "http://localhost:$port/api/v1/localities?q=buon"
measure "API children of the province (102)" "http://localhost:$port/api/v1/localities?parent=66&size=500"
measure "API children of a commune" "http://localhost:$port/api/v1/localities?parent=24133"
