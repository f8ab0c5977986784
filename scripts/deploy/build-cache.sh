#!/bin/sh
# Keeps the build's caches across CI runs although `npm ci` empties node_modules/ first.
#
#   scripts/deploy/build-cache.sh restore   after npm ci: move <dir>/.cache and <dir>/.astro into node_modules/
#   scripts/deploy/build-cache.sh save      after the build: move them back into <dir>
#
# <dir> is $BUILD_CACHE_DIR (default .build-cache/), the folder your CI caches, keyed on
# package-lock.json. What it holds is safe to lose (README, "Caches"): node_modules/.cache/hallway/
# (rendered bodies, search indexes, Open Graph cards) and node_modules/.astro/ (Astro's data store
# and incremental-build cache).
set -eu
dir="${BUILD_CACHE_DIR:-.build-cache}"
case "${1:-}" in
  restore) from="$dir"; to=node_modules ;;
  save) from=node_modules; to="$dir" ;;
  *) echo "usage: $0 restore|save (moves .cache and .astro between node_modules/ and ${dir}/)" >&2; exit 2 ;;
esac
mkdir -p "$to"
for name in .cache .astro; do
  if [ -d "$from/$name" ]; then
    rm -rf "${to:?}/$name"
    mv "$from/$name" "$to/$name"
    echo "build-cache: $1d $to/$name"
  fi
done
