#!/usr/bin/env bash
# Full-page screenshots of every page type at 360, 390 and 1280 px in the Debian Chromium (puppeteer-core, which
# the pinned Lighthouse brings), for a person to look at; prints each page's height and any horizontal overflow
# (a page wider than the screen at 360 px is a failure: exit 1).
#   scripts/screenshots.sh [SITE_DIR]        (default: builds the committed content into target/screenshots/site)
#   PAGES="a/ b/" WIDTHS="390" scripts/screenshots.sh
# Writes target/screenshots/<width>/<page>.png.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/target/screenshots"
port="${SCREENSHOT_PORT:-8792}"
mkdir -p "$out"
site="${1:-}"
if [ -z "$site" ]; then
  site="$out/site"
  "$root/gongkai" build --content "$root/content" --theme "$root/themes/default" --out "$site" >"$out/build.log" 2>&1
fi
# puppeteer-core comes with the pinned Lighthouse (scripts/lighthouse.sh installs it)
LIGHTHOUSE_VERSION="$(sed -n 's/^LIGHTHOUSE_VERSION=//p' "$root/scripts/lighthouse.sh")"
tools="$root/target/test-tools"
if [ ! -d "$tools/node_modules/puppeteer-core" ]; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --silent --no-audit --no-fund --prefix "$tools" "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null 2>&1) \
    || { echo "screenshots: could not install lighthouse@$LIGHTHOUSE_VERSION (for puppeteer-core) from npm" >&2; exit 1; }
fi
if [ -n "${PAGES:-}" ]; then pages="$PAGES"; else
  pages="$(source <(sed -n '/^default_pages()/,/^}/p' "$root/scripts/lighthouse.sh"); default_pages "$site"; echo 404.html)"
fi
"$root/scripts/search-host.sh" "$site" "$port" &
host=$!
trap 'kill $host 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
NODE_PATH="$root/target/test-tools/node_modules" node - "$port" "$out" "${WIDTHS:-360 390 1280}" <<<"$pages" 3<&0 <<'EOF'
const fs = require('fs');
const puppeteer = require('puppeteer-core');
const [port, out, widths] = process.argv.slice(2);
const pages = fs.readFileSync(3, 'utf8').split('\n').filter((p, i, all) => i < all.length - 1 || p !== '');
(async () => {
  const browser = await puppeteer.launch({executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN']});
  let failed = 0;
  for (const width of widths.split(' ').map(Number)) {
    fs.mkdirSync(`${out}/${width}`, {recursive: true});
    for (const page of pages) {
      const tab = await browser.newPage();
      await tab.setViewport({width, height: width < 800 ? 844 : 900, deviceScaleFactor: 1, isMobile: width < 800, hasTouch: width < 800});
      await tab.goto(`http://127.0.0.1:${port}/${page}`, {waitUntil: 'networkidle0'});
      const m = await tab.evaluate(() => ({height: document.documentElement.scrollHeight,
        overflow: document.documentElement.scrollWidth - innerWidth,
        wide: [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1
          && !e.closest('[data-scroll], .table-scroll')).slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))}));
      const name = (page || 'home').replace(/[^a-zA-Z0-9]+/g, '_').slice(0, 48);
      await tab.screenshot({path: `${out}/${width}/${name}.png`, fullPage: true});
      const bad = width === 360 && m.overflow > 0;
      if (bad) failed++;
      console.log(`${width} /${page}: ${m.height} px tall${m.overflow > 0 ? `, ${m.overflow} px too wide` : ''}` +
        `${m.wide.length ? ' (wider than the screen: ' + m.wide.join(', ') + ')' : ''}${bad ? '  ← overflows at 360 px' : ''}`);
      await tab.close();
    }
  }
  await browser.close();
  process.exit(failed ? 1 : 0);
})().catch(e => { console.error(e); process.exit(2); });
EOF
