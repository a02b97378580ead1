#!/usr/bin/env bash
# Publish a built site to an object-storage bucket with the right Content-Type and Cache-Control per kind of file:
# HTML and the search data revalidate on every visit (a rebuild replaces them under the same names, and search
# files must come from one build), CSS/JS/icons for five minutes, downloads for an hour. Range requests on the
# search files need them stored uncompressed, as the build writes them.
#   scripts/publish/deploy-bucket.sh SITE_DIR s3://bucket/prefix | oss://bucket/prefix | cos://bucket/prefix
# Tools: aws (S3 and S3-compatible, AWS_ENDPOINT_URL for others), ossutil (阿里云 OSS), coscli (腾讯云 COS),
# configured with credentials beforehand. DRY_RUN=1 prints the commands instead of running them.
set -euo pipefail
site="${1:?用法：deploy-bucket.sh SITE_DIR s3://… | oss://… | cos://…}"
target="${2:?用法：deploy-bucket.sh SITE_DIR s3://… | oss://… | cos://…}"
[ -f "$site/index.html" ] || { echo "deploy-bucket: $site 不是生成好的网站（没有 index.html）" >&2; exit 1; }
target="${target%/}/"

# pattern (shell glob on the file name) | Content-Type | Cache-Control — every file the build writes matches one
kinds=(
  "*.html|text/html; charset=utf-8|no-cache"
  "*.css|text/css; charset=utf-8|public, max-age=300"
  "*.js|text/javascript; charset=utf-8|public, max-age=300"
  "*.svg|image/svg+xml|public, max-age=300"
  "*.bin|application/octet-stream|no-cache"
  "*.json|application/json; charset=utf-8|no-cache"
  "*.csv|text/csv; charset=utf-8|public, max-age=3600"
  "*.zip|application/zip|public, max-age=3600"
  "feed*.xml|application/atom+xml; charset=utf-8|no-cache"
  "sitemap*.xml|application/xml; charset=utf-8|no-cache"
  "*.txt|text/plain; charset=utf-8|public, max-age=3600"
  "*.pdf|application/pdf|public, max-age=3600"
  "*.docx|application/vnd.openxmlformats-officedocument.wordprocessingml.document|public, max-age=3600"
  "*.doc|application/msword|public, max-age=3600"
  "*.xlsx|application/vnd.openxmlformats-officedocument.spreadsheetml.sheet|public, max-age=3600"
  "*.xls|application/vnd.ms-excel|public, max-age=3600"
)

run() {
  if [ "${DRY_RUN:-}" = 1 ]; then printf '%q ' "$@"; echo; else "$@"; fi
}

# files matching no pattern would be uploaded with a guessed type: refuse instead
unmatched=$(cd "$site" && find . -type f | while read -r f; do
  name="${f##*/}"; hit=""
  for k in "${kinds[@]}"; do case "$name" in ${k%%|*}) hit=1; break ;; esac; done
  [ -n "$hit" ] || echo "$f"
done)
if [ -n "$unmatched" ]; then
  echo "deploy-bucket: 这些文件没有对应的 Content-Type，请在脚本的 kinds 里补上：" >&2
  echo "$unmatched" >&2
  exit 1
fi

for k in "${kinds[@]}"; do
  IFS='|' read -r pattern type cache <<< "$k"
  case "$target" in
    s3://*)
      run aws s3 sync "$site" "$target" --delete --exclude "*" --include "$pattern" \
        --content-type "$type" --cache-control "$cache" --only-show-errors ;;
    oss://*)
      run ossutil cp "$site" "$target" -r -f --include "$pattern" --meta "Content-Type:$type#Cache-Control:$cache" ;;
    cos://*)
      run coscli cp "$site" "$target" -r --include "$(printf '%s' "$pattern" | sed 's/\./\\./g; s/\*/.*/g')\$" \
        --meta "Content-Type:$type#Cache-Control:$cache" ;;
    *) echo "deploy-bucket: 不认识的目标 $target（应为 s3://、oss:// 或 cos://）" >&2; exit 1 ;;
  esac
done
# each upload above covers only its pattern: no file name matches two patterns, so none is re-typed by a later
# one (PublishingRecipeTest checks this on a built site)
