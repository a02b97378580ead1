#!/usr/bin/env bash
# The preview screenshots in docs/agency-guide.md, taken from a real `gongkai serve` in the Debian Chromium
# (puppeteer-core from the pinned Lighthouse) at a 390 px phone width and a 1280 px desktop:
#   docs/img/guide-year.png       a department-year page in the preview
#   docs/img/guide-project.png    a project page (budget, indicators)
#   docs/img/guide-failure.png    the preview after saving a year file with a full-width colon
# Works on a copy of content/ in target/guide/ (content/ is never touched). Run after changing the theme.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/guide"
port="${GUIDE_PORT:-8793}"
rm -rf "$work" && mkdir -p "$work" "$root/docs/img"
cp -r "$root/content" "$work/content"
LIGHTHOUSE_VERSION="$(sed -n 's/^LIGHTHOUSE_VERSION=//p' "$root/scripts/lighthouse.sh")"
tools="$root/target/test-tools"
if [ ! -d "$tools/node_modules/puppeteer-core" ]; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --silent --no-audit --no-fund --prefix "$tools" "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null 2>&1) \
    || { echo "guide-screenshots: could not install lighthouse@$LIGHTHOUSE_VERSION (for puppeteer-core) from npm" >&2; exit 1; }
fi
(cd "$work" && exec "$root/gongkai" serve --port "$port" --content content --theme "$root/themes/default" --out site >serve.log 2>&1) &
serve=$!
trap 'kill $serve 2>/dev/null; wait $serve 2>/dev/null || true' EXIT
for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
year_file="$work/content/tianjin/362303/2024.yaml"
NODE_PATH="$tools/node_modules" node - "$port" "$root/docs/img" "$year_file" <<'EOF'
const fs = require('fs');
const puppeteer = require('puppeteer-core');
const [port, out, yearFile] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;
(async () => {
  const browser = await puppeteer.launch({executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN']});
  const phone = await browser.newPage();
  await phone.setViewport({width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true});
  await phone.goto(`${base}/tianjin/362303/2024/`, {waitUntil: 'networkidle0'});
  await phone.screenshot({path: `${out}/guide-year.png`});
  const desktop = await browser.newPage();
  await desktop.setViewport({width: 1280, height: 900, deviceScaleFactor: 1});
  await desktop.goto(`${base}/projects/362303-2024-001/`, {waitUntil: 'networkidle0'});
  await desktop.screenshot({path: `${out}/guide-project.png`});
  // the clerk saves the year file with a full-width colon after "title" on line 3
  const good = fs.readFileSync(yearFile, 'utf8');
  await phone.bringToFront(); // a background tab is neither polled on time nor painted
  fs.writeFileSync(yearFile, good.replace('\ntitle: ', '\ntitle：'));
  await phone.waitForSelector('#gongkai-build-failure', {visible: true, timeout: 120000});
  await phone.screenshot({path: `${out}/guide-failure.png`});
  const reloaded = phone.waitForNavigation({waitUntil: 'networkidle0', timeout: 120000});
  fs.writeFileSync(yearFile, good);
  await reloaded; // the fix reloads the page by itself
  console.log('guide-screenshots: the fixed save reloaded the page');
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
EOF
ls -l "$root"/docs/img/guide-*.png
