#!/usr/bin/env bash
# Gets what the browser and HTML-validation tests need on a fresh machine, or stops with one line
# saying what to install. Called by Maven (process-test-resources) so `mvn -B verify` does it by itself.
#   - Chromium + ChromeDriver: Debian packages chromium, chromium-driver
#   - a Chinese font: Debian package fonts-wqy-microhei
#   - pandas for Debian's python3 (/usr/bin/python3): Debian package python3-pandas (PandasReadTest reads the CSVs)
#   - Nu HTML Checker (vnu-jar) and axe-core: npm, pinned, installed under target/test-tools
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/target/test-tools"
VNU_VERSION=26.9.27
AXE_VERSION=4.14.1

fail() { echo "gongkai tests: $*" >&2; exit 1; }

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "gongkai tests: installing Debian packages chromium chromium-driver …" >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq chromium chromium-driver; } >"$root/target/apt-chromium.log" 2>&1 \
      || fail "could not install Chromium; run: sudo apt-get install chromium chromium-driver (log: target/apt-chromium.log)"
  else
    fail "Chromium is missing; run: sudo apt-get install chromium chromium-driver"
  fi
fi

# A Chinese font: the importer tests print a seed to PDF with it, and Chromium's screenshots need it.
if [ ! -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "gongkai tests: installing Debian package fonts-wqy-microhei …" >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq fonts-wqy-microhei; } >"$root/target/apt-fonts.log" 2>&1 \
      || fail "could not install a Chinese font; run: sudo apt-get install fonts-wqy-microhei (log: target/apt-fonts.log)"
  else
    fail "the Chinese font is missing; run: sudo apt-get install fonts-wqy-microhei"
  fi
fi

# pandas: the journalist's reader of the CSVs, with the types datapackage.json gives (PandasReadTest).
if ! /usr/bin/python3 -c 'import pandas' >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "gongkai tests: installing Debian package python3-pandas …" >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq python3-pandas; } >"$root/target/apt-pandas.log" 2>&1 \
      || fail "could not install pandas; run: sudo apt-get install python3-pandas (log: target/apt-pandas.log)"
  else
    fail "pandas for /usr/bin/python3 is missing; run: sudo apt-get install python3-pandas"
  fi
fi

if [ ! -f "$tools/node_modules/vnu-jar/build/dist/vnu.jar" ] || [ ! -f "$tools/node_modules/axe-core/axe.min.js" ]; then
  command -v npm >/dev/null 2>&1 || fail "npm is missing; run: sudo apt-get install npm"
  mkdir -p "$tools"
  (cd "$tools" && npm install --silent --no-audit --no-fund --prefix "$tools" "vnu-jar@$VNU_VERSION" "axe-core@$AXE_VERSION" >/dev/null 2>&1) \
    || fail "could not install vnu-jar and axe-core from npm (cd target/test-tools && npm install vnu-jar@$VNU_VERSION axe-core@$AXE_VERSION)"
fi
echo "gongkai tests: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), pandas $(/usr/bin/python3 -c 'import pandas; print(pandas.__version__)'), vnu $VNU_VERSION, axe-core $AXE_VERSION ready" >&2
