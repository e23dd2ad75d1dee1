#!/usr/bin/env bash
# Load test (issue 11): a household list, the dashboard and /public/statistics, each for 60 s at 20 and at 200
# connections on loopback, with wrk (Debian's package). Run it against a product started on the province-scale demo
# data: java -jar target/khuyenhoc.jar --khuyenhoc.data-dir=/tmp/kh-p [--khuyenhoc.demo-data=province the first time]
# Usage: scripts/load-test.sh PASSWORD [port] [seconds]   (PASSWORD: the admin's)
set -euo pipefail
cd "$(dirname "$0")/.."
password=$1
port=${2:-8080}
seconds=${3:-60}
base="http://127.0.0.1:$port"
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
csrf=$(curl -fs -c "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=admin" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$csrf" "$base/login"
cookie=$(awk '$6 == "JSESSIONID" || $6 == "SESSION" {print $6 "=" $7}' "$jar" | tail -1)
curl -fs -o /dev/null -H "Cookie: $cookie" "$base/dashboard" || { echo "sign-in failed" >&2; exit 1; }
for path in "/families?q=nguyen" "/dashboard" "/public/statistics"; do
    for connections in 20 200; do
        printf '%-22s %3d connections: ' "$path" "$connections"
        wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -H "Cookie: $cookie" -s scripts/load-test.lua \
            "$base$path" | tail -1
        curl -fs -o /dev/null -w 'health after: %{http_code} in %{time_total} s\n' "$base/actuator/health"
    done
done
