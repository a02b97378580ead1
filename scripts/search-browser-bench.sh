#!/usr/bin/env bash
# The search benchmark in Chromium (SearchBrowserBenchmark): cold bytes and requests, warm latency to rendered
# results, against a built site served by nginx (scripts/search-host.sh).
#   scripts/search-browser-bench.sh SITE_DIR [PORT]
# e.g. ./gongkai build --content /tmp/s10k --out /tmp/s10k-site && scripts/search-browser-bench.sh /tmp/s10k-site
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -q -o -B -DskipTests test-compile
cp="$root/target/bench-classpath.txt"
[ -f "$cp" ] && [ "$cp" -nt "$root/pom.xml" ] || mvn -q -o -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >/dev/null
exec java -cp "$root/target/test-classes:$root/target/classes:$(cat "$cp")" gongkai.search.SearchBrowserBenchmark "$@"
