#!/usr/bin/env bash
# 合并请求检查 / pull-request check: validate the content, then build it (the build's link check fails on any broken
# link and leaves no half-written site). Exit code non-zero on any problem, with the file:line:column messages.
#   scripts/publish/check.sh [OUT_DIR]        (default site/)
# GONGKAI: the command that runs Gongkai (default ./gongkai, which builds the jar on first use).
set -euo pipefail
read -r -a gongkai <<< "${GONGKAI:-./gongkai}"
"${gongkai[@]}" validate
"${gongkai[@]}" build --out "${1:-site}"
