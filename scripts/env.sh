# Sourced by the other scripts: where the tools are, and `wasm CMD...`, which runs CMD with the
# environment that builds for wasm32 (nothing extra on a rustup machine; Debian's chain with
# build-std elsewhere). That environment is never set globally: it breaks native builds.
# shellcheck shell=bash

ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
export LATIH_TOOLS=${LATIH_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/latih/tools}
# The first Chromium (or Chrome) found, unless CHROME / CHROMEDRIVER say where.
first_found() {
  local c
  for c in "$@"; do
    if [ -x "$c" ]; then echo "$c"; return; fi
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return; fi
  done
  echo "$1"
}
export CHROME=${CHROME:-$(first_found /usr/bin/chromium chromium chromium-browser google-chrome google-chrome-stable)}
export CHROMEDRIVER=${CHROMEDRIVER:-$(first_found /usr/bin/chromedriver chromedriver)}
export TRUNK_SKIP_VERSION_CHECK=true
WASM_LD=${WASM_LD:-/usr/lib/llvm-22/bin/wasm-ld}

# Exactly the versions this checkout needs (an older cached version must never come first).
TRUNK_VERSION=0.21.14
FUZZ_VERSION=0.13.2
RALPH_VERSION=5.1.0  # the learning record store; tests/lrs/requirements.txt pins the same
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock" 2>/dev/null)
for dir in "$LATIH_TOOLS/trunk-$TRUNK_VERSION/bin" "$LATIH_TOOLS/wasm-bindgen-$WASM_BINDGEN_VERSION/bin" \
  "$LATIH_TOOLS/cargo-fuzz-$FUZZ_VERSION/bin" "$ROOT/node_modules/.bin"; do
  [ -d "$dir" ] && PATH="$dir:$PATH"
done
export PATH

wasm() {
  if [ "$(cat "$LATIH_TOOLS/wasm-mode" 2>/dev/null)" = debian ]; then
    PATH="$LATIH_TOOLS/debian-rust/bin:$PATH" \
      RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
      CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$WASM_LD" \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
      "$@"
  else
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner "$@"
  fi
}
