#!/usr/bin/env bash
# Scale curve (issue 14, docs/scaling.md): the same requests at 1x, 2x and 4x the province-scale demo data. Each
# request is sent twice to warm up, then RUNS times one after the other (curl's time_total); the script prints the
# median, the fastest and the slowest, and the load average before and after. Pages use a signed-in session, the
# API a personal access token (no BCrypt per call). The import sends a file of 200 new households into one village,
# as a dry run and for real (the real runs add 200 households each time; every file has new names).
# Usage: scripts/measure-scale.sh PASSWORD [port] [runs] [commune code] [village code]
set -euo pipefail
cd "$(dirname "$0")/.."
password=$1
port=${2:-8080}
runs=${3:-7}
commune=${4:-22015}
village=${5:-22015-003}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jar="$work/cookies"
csrf=$(curl -fs -c "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=admin" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$csrf" "$base/login"
cookie=$(awk '$6 == "JSESSIONID" || $6 == "SESSION" {print $6 "=" $7}' "$jar" | tail -1)
curl -fs -o /dev/null -H "Cookie: $cookie" "$base/dashboard" || { echo "sign-in failed" >&2; exit 1; }
token=$(curl -fs -u "admin:$password" -H 'Content-Type: application/json' \
    -d '{"name": "measure-scale", "expiresInDays": 1}' "$base/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')

# a file of 200 households whose heads are new to the village (so no run meets the previous runs' rows as duplicates)
households() {
    local file="$work/households-$1.csv" tag
    tag="$(date +%s%N | tail -c 9)"
    echo "village_code,head_name,members,adults,school_age_children" >"$file"
    for i in $(seq 1 200); do echo "$village,Nguyễn Văn Thử $tag $i,4,2,2" >>"$file"; done
    echo "$file"
}

# name, then curl arguments; prints: name  median  min  max  (ms)  HTTP code
measure() {
    local name=$1
    shift
    local code
    for _ in 1 2; do code=$(curl -s -o /dev/null -w '%{http_code}' "$@"); done
    local times=()
    for _ in $(seq 1 "$runs"); do
        times+=("$(curl -s -o /dev/null -w '%{time_total}' "$@")")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" -v code="$code" '
        { t[NR] = $1 * 1000 }
        END { printf "%-44s %9.1f %9.1f %9.1f   %s\n", name, t[int((NR + 1) / 2)], t[1], t[NR], code }'
}

page() { measure "$1" -H "Cookie: $cookie" "$base$2"; }
api() { measure "$1" -H "Authorization: Bearer $token" "$base$2"; }
anonymous() { measure "$1" "$base$2"; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-44s %9s %9s %9s   %s\n' "request" "median" "min" "max" "HTTP"
api "api indicators province 2025 (no cache)" "/api/v1/indicators?locality=66&year=2025"
page "page coverage province 2025 (no cache)" "/coverage?locality=66&year=2025"
page "page dashboard province (warm snapshot)" "/dashboard?locality=66"
anonymous "public statistics page (warm snapshot)" "/public/statistics"
anonymous "public api indicators 2025" "/api/v1/public/indicators?year=2025"
api "api families q=nguyen van (province)" "/api/v1/families?q=nguyen%20van"
page "page families q=nguyen van (province)" "/families?q=nguyen%20van"
api "api families q=tran thi lan (province)" "/api/v1/families?q=tran%20thi%20lan"
page "page families q=tran thi lan (province)" "/families?q=tran%20thi%20lan"
api "api indicators commune 2025 (no cache)" "/api/v1/indicators?locality=$commune&year=2025"
page "page dashboard commune" "/dashboard?locality=$commune"
page "page families commune q=nguyen van" "/families?locality=$commune&q=nguyen%20van"
page "page coverage commune 2025" "/coverage?locality=$commune&year=2025"
# name, dryRun: like measure, with a new file for every request
upload() {
    local name=$1 dry=$2 times=() code
    for run in $(seq 1 $((runs + 2))); do
        local file
        file=$(households "$run")
        local out
        out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $token" \
            -F "file=@$file;type=text/csv" "$base/api/v1/families/import?dryRun=$dry")
        code=${out% *}
        [ "$run" -gt 2 ] && times+=("${out#* }")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" -v code="$code" '
        { t[NR] = $1 * 1000 }
        END { printf "%-44s %9.1f %9.1f %9.1f   %s\n", name, t[int((NR + 1) / 2)], t[1], t[NR], code }'
}
upload "import 200 households dry run" true
upload "import 200 households (saved)" false
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
