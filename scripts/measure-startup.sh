#!/usr/bin/env bash
# Measures how fast the product starts (docs/benchmarks.md, "Start-up (issue 14)"). Each start is a new JVM; "ready"
# is the time from launching it to the first UP of /actuator/health (start-up runners done, requests served).
#
#   first start      new data directory: initdb, every migration, the map, the first administrator (java -jar)
#   restart          existing data directory, java -jar target/khuyenhoc.jar (the fat jar)
#   restart extract  existing data directory, the jar extracted (java -Djarmode=tools ... extract), no CDS
#   restart CDS      the extracted jar with a class data sharing archive made by one training run (as scripts/start.sh)
#   first start CDS  new data directory, extracted jar with the archive
#
# For each start: ready, the JVM's processor time until ready (user + system, all threads: on a shared machine it
# moves less than the wall time; PostgreSQL's processes are not in it), the first GET /login after ready (time to first page = ready + this), the first
# GET /api/v1/localities?parent=66 (HTTP Basic), and the resident memory 2 s after ready: the JVM, and PostgreSQL
# (the postmaster of this data directory and its children; shared buffers count in several, the true sum is lower).
# Then the median and range of each kind. The file cache is warm (the jar was read before): "cold" is the JVM's.
#
# Usage: scripts/measure-startup.sh [runs (default 3)] after ./mvnw package -DskipTests. Needs curl, ps, awk.
# Settings: PORT (default 18080), JAVA_OPTS (extra JVM options for every start, e.g. -XX:+UseSerialGC),
# KINDS (default "first restart extract cds first-cds"). Every start is bounded (START_TIMEOUT, default 180 s); about
# 20 s a start on two cores, so the default takes about 5 minutes. Its files go to a temporary directory, removed at
# the end.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${PORT:-18080}
kinds=${KINDS:-first restart extract cds first-cds}
timeout=${START_TIMEOUT:-180}
jar=target/khuyenhoc.jar
[ -f "$jar" ] || { echo "No $jar: run ./mvnw package -DskipTests first" >&2; exit 1; }
if curl -s -o /dev/null "http://localhost:$port/"; then
    echo "Port $port is in use: set PORT" >&2
    exit 1
fi
work=$(mktemp -d)
pid=
stop() {
    [ -n "$pid" ] || return 0
    kill "$pid" 2> /dev/null || true
    for _ in $(seq 1 600); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
    pid=
}
trap 'stop; rm -rf "$work"' EXIT

ms() { date +%s%3N; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }
rss_kib() { ps -o rss= -p "$1" 2> /dev/null | awk '{s+=$1} END {print s+0}'; }
postgres_kib() {
    local postmaster
    postmaster=$(head -1 "$1/postmaster.pid" 2> /dev/null || true)
    [ -n "$postmaster" ] || { echo 0; return; }
    { echo "$postmaster"; ps -o pid= --ppid "$postmaster"; } | while read -r p; do rss_kib "$p"; done \
        | awk '{s+=$1} END {print s+0}'
}

# one start: launch, wait for health, first page, first API call, memory, stop. Sets result="ready cpu page api jvm pg"
# (not printed: a $(…) subshell would hide the JVM's pid from the trap that stops it).
start() {
    local data=$1
    shift
    local log=$work/start.log t0 t1 t2 t3
    t0=$(ms)
    # shellcheck disable=SC2086 # JAVA_OPTS holds several options
    KHUYENHOC_DATA_DIR=$data KHUYENHOC_ADMIN_PASSWORD=bench-password-1 SERVER_PORT=$port \
        java ${JAVA_OPTS:-} "$@" > "$log" 2>&1 &
    pid=$!
    until curl -fs -o /dev/null "http://localhost:$port/actuator/health"; do
        if ! kill -0 "$pid" 2> /dev/null || [ $(($(ms) - t0)) -gt $((timeout * 1000)) ]; then
            echo "The start did not become healthy; its log:" >&2
            tail -40 "$log" >&2
            exit 1
        fi
        sleep 0.05
    done
    t1=$(ms)
    local cpu
    cpu=$(cpu_ms "$pid")
    curl -fs -o /dev/null "http://localhost:$port/login"
    t2=$(ms)
    curl -fs -o /dev/null -u admin:bench-password-1 "http://localhost:$port/api/v1/localities?parent=66"
    t3=$(ms)
    sleep 2
    result="$((t1 - t0)) $cpu $((t2 - t1)) $((t3 - t2)) $(($(rss_kib "$pid") / 1024)) $(($(postgres_kib "$data") / 1024))"
    stop
}

app=$work/app
archive=$app/khuyenhoc.jsa
prepare_cds() {
    [ -f "$archive" ] && return
    java -Djarmode=tools -jar "$jar" extract --destination "$app" > /dev/null
    # the training run: a whole start on a data directory of its own, the first page, then a clean stop, which
    # writes the archive of every class it loaded
    local t0
    t0=$(ms)
    start "$work/train" "-XX:ArchiveClassesAtExit=$archive" -jar "$app/khuyenhoc.jar"
    echo "(extracted the jar and made the CDS archive, $(du -m "$archive" | cut -f1) MiB, in $(($(ms) - t0)) ms)"
    rm -rf "$work/train"
}

declare -A label=(
    [first]="first start (new data dir), java -jar"
    [restart]="restart, java -jar (fat jar)"
    [extract]="restart, extracted jar, no CDS"
    [cds]="restart, extracted jar + CDS"
    [first-cds]="first start (new data dir), extracted + CDS"
)
results=$work/results
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(java -version 2>&1 | head -1)"
printf '%-46s %8s %8s %8s %8s %8s %8s\n' "start" "ready ms" "CPU ms" "page ms" "API ms" "JVM MiB" "PG MiB"
# the restarts need a data directory made by a first start; the restarts of each kind take turns
if [[ " $kinds " != *" first "* ]]; then
    start "$work/data" -jar "$jar"
fi
for i in $(seq 1 "$runs"); do
    for kind in $kinds; do
        case $kind in
            first) rm -rf "$work/data"; args=(-jar "$jar"); data=$work/data ;;
            restart) args=(-jar "$jar"); data=$work/data ;;
            extract) prepare_cds; args=(-jar "$app/khuyenhoc.jar"); data=$work/data ;;
            cds) prepare_cds; args=("-XX:SharedArchiveFile=$archive" -jar "$app/khuyenhoc.jar"); data=$work/data ;;
            first-cds)
                prepare_cds
                rm -rf "$work/data-cds"
                args=("-XX:SharedArchiveFile=$archive" -jar "$app/khuyenhoc.jar")
                data=$work/data-cds
                ;;
            *) echo "Unknown kind $kind" >&2; exit 1 ;;
        esac
        start "$data" "${args[@]}"
        line=$result
        echo "$kind $line" >> "$results"
        # shellcheck disable=SC2086 # six numbers
        printf '%-46s %8s %8s %8s %8s %8s %8s   load %s\n' "${label[$kind]}" $line "$(cut -d' ' -f1 /proc/loadavg)"
    done
done
echo
echo "median [min–max] of $runs runs; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for kind in $kinds; do
    printf '%-46s' "${label[$kind]}"
    for column in 2 3 4 5 6 7; do
        awk -v k="$kind" -v c="$column" '$1 == k {print $c}' "$results" | sort -n \
            | awk '{v[NR]=$1} END {m = NR % 2 ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2);
                   printf " %6d [%d–%d]", m, v[1], v[NR]}'
    done
    echo
done
