#!/usr/bin/env bash
# Lighthouse (npm, pinned) on the search page, in the Debian Chromium, against the committed content served as a
# static host serves it (scripts/search-host.sh: nginx, gzip, ranges). Mobile form factor with Lighthouse's default
# simulated throttling. Fails unless performance ≥ 95 and accessibility = 100 on every page checked.
#   scripts/lighthouse-search.sh [SITE_DIR]     (default: builds the committed content into target/lighthouse/site)
# Reports: target/lighthouse/*.report.{html,json}.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
LIGHTHOUSE_VERSION=12.8.2
tools="$root/target/test-tools"
out="$root/target/lighthouse"
port="${LIGHTHOUSE_PORT:-8791}"
mkdir -p "$out"
site="${1:-}"
if [ -z "$site" ]; then
  site="$out/site"
  "$root/gongkai" build --content "$root/content" --theme "$root/themes/default" --out "$site" >"$out/build.log"
fi
if [ ! -x "$tools/node_modules/.bin/lighthouse" ] || ! grep -q "\"version\": \"$LIGHTHOUSE_VERSION\"" "$tools/node_modules/lighthouse/package.json"; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --silent --no-audit --no-fund --prefix "$tools" "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null 2>&1) \
    || { echo "lighthouse-search: could not install lighthouse@$LIGHTHOUSE_VERSION from npm" >&2; exit 1; }
fi
"$root/scripts/search-host.sh" "$site" "$port" &
host=$!
trap 'kill $host 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/search/" && break; sleep 0.1; done
status=0
# the empty search page, a query with results, and one that finds nothing (suggestions, browsing)
for page in "search/" "search/?q=%E5%A4%A9%E6%B4%A5%E6%9C%BA%E5%8A%A8%E8%BD%A6" "search/?q=%E7%8E%AF%E5%A2%83%E7%9B%91%E4%BE%A7"; do
  name="$(echo "$page" | tr -c 'a-zA-Z0-9' '_' | cut -c1-40)"
  CHROME_PATH=/usr/bin/chromium "$tools/node_modules/.bin/lighthouse" "http://127.0.0.1:$port/$page" --quiet \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output=html --output-path="$out/$name" >/dev/null 2>"$out/$name.log" || { echo "lighthouse failed on $page (see $out/$name.log)" >&2; status=1; continue; }
  node -e '
    const r = require(process.argv[1]); const s = k => Math.round(r.categories[k].score * 100);
    const line = `${process.argv[2]}: performance ${s("performance")}, accessibility ${s("accessibility")}, best practices ${s("best-practices")}, SEO ${s("seo")}` +
      ` (LCP ${Math.round(r.audits["largest-contentful-paint"].numericValue)} ms, TBT ${Math.round(r.audits["total-blocking-time"].numericValue)} ms, CLS ${r.audits["cumulative-layout-shift"].numericValue.toFixed(3)})`;
    console.log(line);
    const failed = Object.values(r.audits).filter(a => a.score !== null && a.score < 1 && r.categories.accessibility.auditRefs.some(x => x.id === a.id)).map(a => a.id);
    if (failed.length) console.log("  accessibility audits not passed: " + failed.join(", "));
    process.exit(s("performance") >= 95 && s("accessibility") === 100 ? 0 : 3);
  ' "$out/$name.report.json" "/$page" || status=1
done
exit $status
