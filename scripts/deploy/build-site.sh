#!/bin/sh
# Build the site for any CI or server, from a fresh clone: the README's commands in order.
#
#   SITE_BASE=/kb/ SITE_URL=https://intranet.example scripts/deploy/build-site.sh [--host netlify|cloudflare|nginx|caddy] [deploy-config options]
#
# 1. npm ci (exactly the lockfile), 2. the build caches back from $BUILD_CACHE_DIR (.build-cache/,
# the folder to keep between runs), 3. npm run build into dist/ (full git history makes "last
# updated" dates right: clone without --depth), 4. with --host, npm run deploy-config writes that
# host's headers or server config for this build. Then publish dist/ (and deploy/ for nginx or Caddy).
set -eu
cd "$(dirname "$0")/../.."
npm ci
scripts/deploy/build-cache.sh restore
trap 'scripts/deploy/build-cache.sh save' EXIT
npm run build
if [ "$#" -gt 0 ]; then
  npm run deploy-config -- "$@"
fi
