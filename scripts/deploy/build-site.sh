#!/bin/sh
# Build the site for any CI or server, from a fresh clone: the README's commands in order.
#
#   SITE_BASE=/kb/ SITE_URL=https://intranet.example scripts/deploy/build-site.sh [--host netlify|cloudflare|nginx|caddy] [deploy-config options]
#
# 1. the full git history if the clone is shallow ("last updated" dates come from git log),
# 2. npm ci (exactly the lockfile), 3. the build caches back from $BUILD_CACHE_DIR (.build-cache/,
# the folder to keep between runs), 4. npm run build into dist/, 5. with --host, npm run
# deploy-config writes that host's headers or server config for this build. Then publish dist/
# (and deploy/nginx.conf or deploy/Caddyfile to the server).
set -eu
cd "$(dirname "$0")/../.."
if [ "$(git rev-parse --is-shallow-repository 2>/dev/null)" = true ]; then
  git fetch --unshallow --quiet || echo "build-site: could not fetch the full git history; last-updated dates may be off"
fi
npm ci
scripts/deploy/build-cache.sh restore
trap 'scripts/deploy/build-cache.sh save' EXIT
npm run build
if [ "$#" -gt 0 ]; then
  npm run deploy-config -- "$@"
fi
