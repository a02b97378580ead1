#!/usr/bin/env bash
# Publish a built site into a folder that nginx (or any static host) serves: the new site is copied beside the old
# one and the served path, a symlink, is switched in one rename — readers never see half of each. The last 5
# releases are kept for a quick rollback (ln -sfn an older one).
#   scripts/publish/deploy-dir.sh SITE_DIR SERVED_PATH      e.g. site /var/www/gongkai
set -euo pipefail
site="${1:?用法：deploy-dir.sh SITE_DIR SERVED_PATH}"
served="${2:?用法：deploy-dir.sh SITE_DIR SERVED_PATH}"
[ -f "$site/index.html" ] || { echo "deploy-dir: $site 不是生成好的网站（没有 index.html）" >&2; exit 1; }
if [ -e "$served" ] && [ ! -L "$served" ]; then
  echo "deploy-dir: $served 已存在且不是符号链接；请先移走它（此脚本把它换成指向发布版本的符号链接）" >&2
  exit 1
fi
releases="$served.releases"
mkdir -p "$releases"
release="$releases/$(date -u +%Y%m%dT%H%M%SZ)-$$"
cp -a "$site/." "$release/"
ln -sfn "$release" "$served.next"
mv -T "$served.next" "$served"
# keep the newest 5
ls -1d "$releases"/*/ | sort | head -n -5 | xargs -r rm -rf
echo "deploy-dir: $served → $release"
