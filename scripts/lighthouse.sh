#!/usr/bin/env bash
# Lighthouse (npm, pinned) on every page type of the site, mobile and desktop, in the Debian Chromium, against the
# committed content served as a static host serves it (scripts/search-host.sh: nginx, gzip, ranges), with
# Lighthouse's default simulated throttling. Fails unless every run scores accessibility 100, best practices 100,
# SEO 100 and performance ≥ 95 (#17's floor).
#   scripts/lighthouse.sh [SITE_DIR]            (default: builds the committed content into target/lighthouse/site)
#   PAGES="search/ search/?q=..." scripts/lighthouse.sh    only these paths
#   FORM_FACTORS="mobile" scripts/lighthouse.sh            only one form factor
# Prints one line per page and form factor; reports: target/lighthouse/<form>-<page>.report.{html,json}.
# Not checked: 404.html (a 404 status fails SEO by design: it must not be indexed).
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
  "$root/gongkai" build --content "$root/content" --theme "$root/themes/default" --out "$site" >"$out/build.log" 2>&1
fi
if [ ! -x "$tools/node_modules/.bin/lighthouse" ] || ! grep -q "\"version\": \"$LIGHTHOUSE_VERSION\"" "$tools/node_modules/lighthouse/package.json"; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --silent --no-audit --no-fund --prefix "$tools" "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null 2>&1) \
    || { echo "lighthouse: could not install lighthouse@$LIGHTHOUSE_VERSION from npm" >&2; exit 1; }
fi

# One page of each type, picked from the built site so the list follows the content: the longest department-year
# page and the project page with the most indicator rows are the hardest cases of their types.
default_pages() {
  local s="$1"
  echo "" # home
  for f in about data-guide data quality search; do [ -f "$s/$f/index.html" ] && echo "$f/"; done
  echo "search/?q=%E5%A4%A9%E6%B4%A5%E6%9C%BA%E5%8A%A8%E8%BD%A6"   # 天津机动车: results
  echo "search/?q=%E7%8E%AF%E5%A2%83%E7%9B%91%E4%BE%A7"            # 环境监侧 (a typo): no results, suggestions
  # region, department, department-year: the first region folder with departments
  local region dept year
  region="$(cd "$s" && ls -d */ | sed 's|/||' | while read -r r; do ls -d "$r"/*/*/index.html >/dev/null 2>&1 && echo "$r"; done | head -1)"
  echo "$region/"
  dept="$(cd "$s/$region" && ls -d */ | sed 's|/||' | head -1)"
  echo "$region/$dept/"
  year="$(cd "$s" && find . -mindepth 4 -maxdepth 4 -path './*/*/*/index.html' ! -path './projects/*' ! -path './sources/*' \
    -printf '%s %P\n' | sort -rn | head -1 | cut -d' ' -f2 | sed 's|index.html$||')"
  echo "$year"
  (cd "$s/projects" && grep -c '<tr' */index.html | sort -t: -k2 -rn | head -1 | cut -d: -f1 | sed 's|index.html$||;s|^|projects/|')
  if [ -d "$s/sources" ]; then
    # the largest source page at its own address (a long document's first part) and the largest later part
    (cd "$s" && find sources -name '*.html' ! -regex '.*\.p[0-9]+\.html' -printf '%s %p\n' | sort -rn | head -1 | cut -d' ' -f2)
    (cd "$s" && find sources -regex '.*\.p[0-9]+\.html' -printf '%s %p\n' | sort -rn | head -1 | cut -d' ' -f2)
  fi
}
if [ -n "${PAGES:-}" ]; then pages="$PAGES"; else pages="$(default_pages "$site")"; fi

"$root/scripts/search-host.sh" "$site" "$port" &
host=$!
trap 'kill $host 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
status=0
for form in ${FORM_FACTORS:-mobile desktop}; do
  preset=()
  [ "$form" = desktop ] && preset=(--preset=desktop)
  while IFS= read -r page; do
    name="$form-$(echo "${page:-home}" | tr -c 'a-zA-Z0-9' '_' | cut -c1-48)"
    CHROME_PATH=/usr/bin/chromium "$tools/node_modules/.bin/lighthouse" "http://127.0.0.1:$port/$page" --quiet "${preset[@]}" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
      --only-categories=performance,accessibility,best-practices,seo \
      --output=json --output=html --output-path="$out/$name" >/dev/null 2>"$out/$name.log" \
      || { echo "lighthouse failed on /$page ($form; see $out/$name.log)" >&2; status=1; continue; }
    node -e '
      const r = require(process.argv[1]); const s = k => Math.round(r.categories[k].score * 100);
      console.log(`${process.argv[3]} ${process.argv[2]}: performance ${s("performance")}, accessibility ${s("accessibility")}, ` +
        `best practices ${s("best-practices")}, SEO ${s("seo")} (LCP ${Math.round(r.audits["largest-contentful-paint"].numericValue)} ms, ` +
        `TBT ${Math.round(r.audits["total-blocking-time"].numericValue)} ms, CLS ${r.audits["cumulative-layout-shift"].numericValue.toFixed(3)})`);
      const below = ["accessibility", "best-practices", "seo"].flatMap(c => r.categories[c].auditRefs
        .filter(x => x.weight > 0 && r.audits[x.id].score !== null && r.audits[x.id].score < 1).map(x => c + ":" + x.id));
      if (below.length) console.log("  not passed: " + below.join(", "));
      process.exit(s("performance") >= 95 && s("accessibility") === 100 && s("best-practices") === 100 && s("seo") === 100 ? 0 : 3);
    ' "$out/$name.report.json" "/$page" "$form" || status=1
  done <<<"$pages"
done
exit $status
