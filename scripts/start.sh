#!/usr/bin/env bash
# Starts Khuyến Học Số the fast way (docs/benchmarks.md, "Start-up (issue 14)"): the jar extracted once into a
# directory of plain jars, and a class data sharing (AppCDS) archive of the classes a run loads, so that the next JVM
# maps them instead of finding, reading and verifying each again. The first run of a new jar writes the archive when
# it stops (-XX:ArchiveClassesAtExit); every later run uses it (-XX:SharedArchiveFile). A jar rebuilt or replaced is
# extracted again and gets a new archive; a stale or damaged archive is ignored by the JVM with a warning.
#
# Usage: scripts/start.sh [application arguments, e.g. --khuyenhoc.data-dir=/srv/khuyenhoc]
# Settings: KHUYENHOC_JAR (default target/khuyenhoc.jar), KHUYENHOC_APP_DIR (default: next to the jar,
# khuyenhoc-app), JAVA_OPTS (more JVM options, e.g. -Xmx2g). Runs in the foreground (exec: a service manager's
# signals reach the JVM, which stops the embedded database).
set -euo pipefail
jar=${KHUYENHOC_JAR:-target/khuyenhoc.jar}
app=${KHUYENHOC_APP_DIR:-$(dirname "$jar")/khuyenhoc-app}
if [ ! -f "$jar" ]; then
    echo "No $jar: build it with ./mvnw package -DskipTests, or set KHUYENHOC_JAR" >&2
    exit 1
fi
# the jar's size and time: another jar is extracted again (the extracted files keep the times stored in the jar)
stamp=$(stat -c '%s %Y' "$jar")
if [ ! -f "$app/khuyenhoc.jar" ] || [ "$(cat "$app/extracted-from" 2> /dev/null)" != "$stamp" ]; then
    rm -rf "$app"
    java -Djarmode=tools -jar "$jar" extract --destination "$app" > /dev/null
    echo "$stamp" > "$app/extracted-from"
fi
archive=$app/khuyenhoc.jsa
# an archive cut short (the JVM killed while it wrote it) is checked once, quietly, and made again if unusable
if [ -s "$archive" ] && [ ! -f "$archive.checked" ]; then
    if java -Xshare:on -XX:SharedArchiveFile="$archive" -XX:ErrorFile=/dev/null -cp "$app/khuyenhoc.jar" -version \
        > /dev/null 2>&1; then
        touch "$archive.checked"
    else
        rm -f "$archive"
    fi
fi
if [ -s "$archive" ]; then
    cds=("-XX:SharedArchiveFile=$archive")
else
    cds=("-XX:ArchiveClassesAtExit=$archive")
fi
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
exec java "${cds[@]}" ${JAVA_OPTS:-} -jar "$app/khuyenhoc.jar" "$@"
