#!/usr/bin/env bash
# Writes a folder ready for a static HTTPS host: every file of a release build, plus the
# configuration that makes the host send the right HTTP headers (scripts/publish.mjs):
#   _headers    for Netlify (Cloudflare Pages reads the same format)
#   nginx.conf  a location block to include in an nginx server block
# The headers: the pages' Content-Security-Policy (as in their <meta> tags), each file's type
# (application/wasm...), and caching that lets the service worker see a new version.
#
#   scripts/publish.sh [--build] [--base /PATH/] [BUILD [OUT]]
#
#   BUILD     a release build (default: dist/ of this checkout)
#   OUT       the folder to write (default: publish/ of this checkout); an earlier publish there
#             is replaced, any other non-empty folder is refused
#   --build   first set up the tools and build dist/ (as scripts/test.sh does)
#   --base    the address path the app is served under, if not the site's root (e.g. /latih/)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

die() { printf 'publish: error: %s\n' "$*" >&2; exit 1; }

build=""
base="/"
args=()
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=1 ;;
    --base) [ $# -ge 2 ] || die "--base needs a path, e.g. --base /latih/"; base=$2; shift ;;
    --base=*) base=${1#--base=} ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (see scripts/publish.sh --help)" ;;
    *) args+=("$1") ;;
  esac
  shift
done
[ ${#args[@]} -le 2 ] || die "too many arguments (see scripts/publish.sh --help)"
BUILD=${args[0]:-$ROOT/dist}
OUT=${args[1]:-$ROOT/publish}

if [ -n "$build" ]; then
  [ "$(realpath -m "$BUILD")" = "$(realpath -m "$ROOT/dist")" ] || die "--build builds dist/ only; leave BUILD out"
  bash "$ROOT/scripts/setup.sh"
  # shellcheck source=scripts/env.sh
  source "$ROOT/scripts/env.sh"
  (cd "$ROOT" && rm -rf dist && wasm trunk build --release)
fi

if [ ! -f "$BUILD/index.html" ]; then
  die "no build in $BUILD. Build the app first, from the checkout:
    source scripts/env.sh && wasm trunk build --release
or let this script set up the tools and build it:
    scripts/publish.sh --build"
fi
# A debug build (trunk serve, or trunk build without --release) has a worker that removes itself.
grep -q '^const FILES = ' "$BUILD/sw.js" 2>/dev/null \
  || die "$BUILD is not a release build (its sw.js keeps nothing offline); build with: wasm trunk build --release"

build_abs=$(realpath -m "$BUILD")
out_abs=$(realpath -m "$OUT")
case "$out_abs" in
  / | "$ROOT" | "$HOME" | "$build_abs" | "$build_abs"/*) die "will not write the published folder to $OUT" ;;
esac
case "$build_abs" in "$out_abs"/*) die "$OUT contains the build" ;; esac
if [ -e "$out_abs" ] && [ -n "$(ls -A "$out_abs" 2>/dev/null || echo file)" ]; then
  # Only an earlier publish (its _headers carries the mark) is replaced.
  head -n 1 "$out_abs/_headers" 2>/dev/null | grep -q '^# Latih: written by scripts/publish.sh' \
    || die "$OUT exists and is not an earlier publish; remove it or choose another folder"
fi

# Written next to its place, then swapped in: a failure never leaves half a folder.
mkdir -p "$(dirname "$out_abs")"
tmp=$(mktemp -d "$(dirname "$out_abs")/.publish.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp -R "$build_abs/." "$tmp/"
node "$ROOT/scripts/publish.mjs" "$tmp" "$base"
chmod 755 "$tmp" # mktemp's 700 would keep a web server's worker from reading the folder
rm -rf "$out_abs"
mv "$tmp" "$out_abs"
trap - EXIT
printf 'publish: wrote %s. Copy its contents to an HTTPS host (README, "Publishing").\n' "$OUT"
