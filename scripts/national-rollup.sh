#!/usr/bin/env bash
# National figures from the provinces' deployments (docs/scaling.md): reads GET /api/v1/public/summary?year=YEAR of
# every province's public address, refuses a summary of an unknown format or a province given twice, and adds up
# the numerators and denominators of each indicator. Prints one JSON object: the year, the provinces read (code,
# name, communes, computedAt) and each indicator's national numerator, denominator and percentage.
# Usage: scripts/national-rollup.sh YEAR https://khuyenhoc.daklak.gov.vn https://… (needs curl and jq)
set -euo pipefail
year=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
for base in "$@"; do
    n=$((n + 1))
    curl -fsS --max-time 60 "${base%/}/api/v1/public/summary?year=$year" >"$work/$n.json" \
        || { echo "no summary from $base" >&2; exit 1; }
    jq -e '.format == 1' "$work/$n.json" >/dev/null || { echo "$base: unknown summary format" >&2; exit 1; }
done
jq -s --argjson year "$year" '
    if (map(.province) | length) != (map(.province) | unique | length) then error("a province is given twice") else . end
    | if any(.[]; .year != $year) then error("a summary of another year") else . end
    | {
        year: $year,
        provinces: map({province, provinceName, communes, computedAt}),
        communes: (map(.communes) | add),
        indicators: (map(.indicators[]) | group_by(.code) | map({
            code: .[0].code,
            provinces: length,
            numerator: (map(.numerator) | add),
            denominator: (map(.denominator) | add)
        } | .value = (if .denominator == 0 then null else ((.numerator * 1000 / .denominator) | round) / 10 end)))
      }' "$work"/*.json
