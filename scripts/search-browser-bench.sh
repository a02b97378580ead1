#!/usr/bin/env bash
# The search benchmark in Chromium (gongkai.bench.SearchBrowserBenchmark, tools module): cold bytes and requests,
# warm latency to rendered results, against a built site served by nginx (scripts/search-host.sh).
#   scripts/search-browser-bench.sh SITE_DIR [PORT]
# e.g. ./gongkai build --content /tmp/s10k --out /tmp/s10k-site && scripts/search-browser-bench.sh /tmp/s10k-site
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# one reactor run: package both modules, then the tools module's test class path (it writes the file last)
cp="$root/target/tools/bench-classpath.txt"
mvn -q -o -B -DskipTests -Dgongkai.skipPrereqs=true package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$cp" >/dev/null
exec java -cp "$root/target/tools/test-classes:$(cat "$cp")" gongkai.bench.SearchBrowserBenchmark "$@"
