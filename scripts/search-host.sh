#!/usr/bin/env bash
# Serves a built site as a static host does — nginx, gzip for text (HTML, JSON, JS, CSS, SVG), binary search files
# uncompressed with single and multi-range requests — for Lighthouse and the browser search benchmark.
#   scripts/search-host.sh SITE_DIR PORT      (foreground; Ctrl+C or kill to stop)
# Needs nginx (Debian: apt-get install nginx-light; installed here when run as root).
set -euo pipefail
site="$(cd "$1" && pwd)"
port="$2"
root="$(cd "$(dirname "$0")/.." && pwd)"
if ! command -v nginx >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >"$root/target/apt-nginx.log" 2>&1 \
      || { echo "search-host: could not install nginx (log: target/apt-nginx.log)" >&2; exit 1; }
  else
    echo "search-host: nginx is missing; run: sudo apt-get install nginx-light" >&2; exit 1
  fi
fi
run="$root/target/search-host/$port"
mkdir -p "$run/tmp"
# workers read the site as the user who built it (sites are written private: 0700)
user_line=""
if [ "$(id -u)" = 0 ]; then user_line="user root;"; fi
cat >"$run/nginx.conf" <<CONF
$user_line
worker_processes 1;
daemon off;
pid $run/nginx.pid;
error_log $run/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path $run/tmp/body;
  proxy_temp_path $run/tmp/proxy;
  fastcgi_temp_path $run/tmp/fastcgi;
  uwsgi_temp_path $run/tmp/uwsgi;
  scgi_temp_path $run/tmp/scgi;
  sendfile on;
  gzip on;
  gzip_comp_level 6;
  gzip_min_length 256;
  gzip_types application/json application/javascript text/css image/svg+xml application/xml application/atom+xml text/plain text/csv;
  server {
    listen 127.0.0.1:$port;
    root $site;
    index index.html;
    error_page 404 /404.html;
    location /assets/ { add_header Cache-Control "public, max-age=3600"; }
  }
}
CONF
exec nginx -p "$run" -c "$run/nginx.conf"
