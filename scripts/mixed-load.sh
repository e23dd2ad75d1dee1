#!/usr/bin/env bash
# Mixed load (issue 14): commune officers signing in, opening the dashboard, searching households, registering
# households, saving self-assessment drafts, and the public statistics, against one or several running instances
# (round robin per request, no sticky sessions). Run it against a COPY of the province-scale demo data: it adds 100
# bench accounts (scripts/mixed-load-setup.sql) and the households the virtual users register.
#
#   scripts/mixed-load.sh PASSWORD DB_URL USERS TARGET [TARGET…]
#
# PASSWORD: the admin's (the bench accounts get its hash); DB_URL: postgresql://khuyenhoc:…@127.0.0.1:5521/khuyenhoc
# (psql reaches the instances' database there); USERS: virtual users (at most 200); TARGET: http://127.0.0.1:8121 …
# Environment: SECONDS_MEASURED (60), WARM_UP (20), THINK_MS (500: a user thinks 0–500 ms), SIGN_IN_EVERY (4: a user
# signs in afresh every 4th loop of six requests), PSQL (psql); PRIME=true first signs each officer
# in on each target and opens its dashboard once (four at a time), so that the run does not start with every commune's
# first visit (each computes its commune's years: seconds of CPU, a separate case in docs/benchmarks.md, issue 12).
set -euo pipefail
cd "$(dirname "$0")/.."
password=$1
db=$2
users=$3
shift 3
targets=$(IFS=,; echo "$*")
accounts=$(mktemp)
trap 'rm -f "$accounts"' EXIT
"${PSQL:-psql}" -X -q "$db" -f scripts/mixed-load-setup.sql > "$accounts"
prime() { # username target
    local jar
    jar=$(mktemp)
    csrf=$(curl -s -c "$jar" "$2/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
    curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$1" --data-urlencode "password=$password" \
        --data-urlencode "_csrf=$csrf" "$2/login"
    curl -s -o /dev/null -b "$jar" -w "prime $1 $2/dashboard: %{http_code} in %{time_total} s\n" "$2/dashboard"
    rm -f "$jar"
}
if [ "${PRIME:-false}" = true ]; then
    export -f prime
    export password
    for target in "$@"; do
        cut -d, -f1 "$accounts" | sort -u | head -n "$users" | sed "s|\$| $target|"
    done | xargs -P 4 -L 1 bash -c 'prime "$0" "$1"'
fi
echo "accounts: $(wc -l < "$accounts") virtual-user lines; targets: $targets; $(uptime)"
./mvnw -o -q test -Dtest=MixedLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true \
    -Dkhuyenhoc.bench.mixed-load=true -Dkhuyenhoc.bench.targets="$targets" -Dkhuyenhoc.bench.users="$users" \
    -Dkhuyenhoc.bench.accounts="$accounts" -Dkhuyenhoc.bench.password="$password" \
    -Dkhuyenhoc.bench.seconds="${SECONDS_MEASURED:-60}" -Dkhuyenhoc.bench.warmup="${WARM_UP:-20}" \
    -Dkhuyenhoc.bench.think-ms="${THINK_MS:-500}" -Dkhuyenhoc.bench.sign-in-every="${SIGN_IN_EVERY:-4}"
echo "after: $(uptime)"
for target in "$@"; do
    curl -s -o /dev/null -w "$target/actuator/health: %{http_code} in %{time_total} s\n" "$target/actuator/health"
done
