#!/usr/bin/env bash
# The indicator sources' statements (scripts/scale-indicator-queries.sql, or another file) with EXPLAIN (ANALYZE, BUFFERS): each twice
# to warm up, then RUNS times; prints the median, fastest and slowest execution time (ms) and the shared buffers hit
# and read of the last run. Keeps the last plan of each in OUT_DIR when given.
# Usage: PGPASSWORD=… scripts/measure-scale-sql.sh PORT [runs] [out dir] [queries file]   (user postgres, database
# khuyenhoc; the file defaults to scripts/scale-indicator-queries.sql, statements after lines "-- name: …")
set -euo pipefail
cd "$(dirname "$0")/.."
port=$1
runs=${2:-7}
out=${3:-}
queries=${4:-scripts/scale-indicator-queries.sql}
psql=${PSQL:-psql}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
awk -v dir="$work" '/^-- name: /{n++; name=substr($0, 10); print name > (dir "/" n ".name"); next}
    n > 0 {print > (dir "/" n ".sql")}' "$queries"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-70s %9s %9s %9s  %s\n' "statement" "median" "min" "max" "buffers (last run)"
for f in "$work"/*.sql; do
    n=$(basename "$f" .sql)
    name=$(cat "$work/$n.name")
    { echo "set plan_cache_mode = force_custom_plan;"; echo "explain (analyze, buffers)"; cat "$f"; } >"$work/$n.explain"
    times=()
    for run in $(seq 1 $((runs + 2))); do
        "$psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d khuyenhoc -f "$work/$n.explain" >"$work/$n.plan"
        [ "$run" -gt 2 ] && times+=("$(grep -o 'Execution Time: [0-9.]*' "$work/$n.plan" | awk '{print $3}')")
    done
    buffers=$(grep -m1 'Buffers:' "$work/$n.plan" | sed 's/^ *//')
    printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" -v b="$buffers" '
        { t[NR] = $1 }
        END { printf "%-70s %9.1f %9.1f %9.1f  %s\n", name, t[int((NR + 1) / 2)], t[1], t[NR], b }'
    if [ -n "$out" ]; then mkdir -p "$out"; cp "$work/$n.plan" "$out/$n.plan"; fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
