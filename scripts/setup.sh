#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test Latih, and skips what is already there.
#
# Tools go to $LATIH_TOOLS (default: ~/.cache/latih/tools), outside the checkout so that a fresh
# clone (as in CI) reuses them; .tools in the repo is a git-ignored link to that folder.
#   - Rust for wasm32: `rustup target add wasm32-unknown-unknown` where it works; otherwise Debian's
#     rust-web chain, which builds std for wasm32 from source (see ../shared/TOOLCHAIN.md).
#   - wasm-bindgen-cli at exactly the version in Cargo.lock; trunk (pinned below).
#   - wasm-opt (npm binaryen), playwright-core, axe-core, lighthouse and
#     @learninglocker/xapi-validation, from package-lock.json.
#   - Ralph (a learning record store, for the LRS tests) in a Python venv, pinned by
#     tests/lrs/requirements.txt; needs python3 >= 3.11.
#   - Chromium and chromedriver (Debian's packages), unless CHROME and CHROMEDRIVER point elsewhere.
# A second run with everything installed takes seconds.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"

step() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
apt_updated=""
apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found; install these yourself: $*"
  if [ -z "$apt_updated" ]; then
    # One broken third-party source should not stop the install of Debian's own packages.
    $SUDO apt-get update -qq || step "warning: apt-get update reported errors; trying the install anyway"
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
have_debs() { dpkg -s "$@" >/dev/null 2>&1; }

mkdir -p "$LATIH_TOOLS"
if [ ! -e "$ROOT/.tools" ] || [ -L "$ROOT/.tools" ]; then ln -sfn "$LATIH_TOOLS" "$ROOT/.tools"; fi

for cmd in cargo rustc node npm; do
  command -v "$cmd" >/dev/null || die "$cmd is required (Rust from https://rustup.rs, Node.js >= 20)"
done
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "Node.js >= 20 is needed (found $(node --version)); the test runner uses its newer options"

# 1. Rust for wasm32. LATIH_WASM_CHAIN=debian forces Debian's chain even where rustup works.
if [ "${LATIH_WASM_CHAIN:-}" = debian ]; then
  have_debs rustc-web cargo-web rust-web-src lld-22 rust-web-clippy \
    || apt_install rustc-web cargo-web rust-web-src lld-22 rust-web-clippy
  echo debian > "$LATIH_TOOLS/wasm-mode"
  step "Rust for wasm32: Debian rust-web chain (LATIH_WASM_CHAIN=debian)"
elif command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo rustup > "$LATIH_TOOLS/wasm-mode"
  step "Rust for wasm32: rustup target (cached)"
elif [ "$(cat "$LATIH_TOOLS/wasm-mode" 2>/dev/null)" = debian ] && have_debs rustc-web cargo-web rust-web-src lld-22 rust-web-clippy; then
  step "Rust for wasm32: Debian rust-web chain (cached)"
elif command -v rustup >/dev/null && timeout 120 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
  echo rustup > "$LATIH_TOOLS/wasm-mode"
  step "Rust for wasm32: installed the rustup target"
else
  step "Rust for wasm32: rustup cannot download the target here; installing Debian's rust-web chain"
  have_debs rustc-web cargo-web rust-web-src lld-22 rust-web-clippy \
    || apt_install rustc-web cargo-web rust-web-src lld-22 rust-web-clippy
  echo debian > "$LATIH_TOOLS/wasm-mode"
fi
if [ "$(cat "$LATIH_TOOLS/wasm-mode")" = debian ]; then
  # trunk and cargo-clippy call plain `cargo`/`rustc`: this folder puts Debian's first on PATH.
  mkdir -p "$LATIH_TOOLS/debian-rust/bin"
  for tool in cargo rustc rustdoc cargo-clippy clippy-driver; do
    ln -sfn "/usr/bin/$tool" "$LATIH_TOOLS/debian-rust/bin/$tool"
  done
  [ -x "$WASM_LD" ] || die "wasm-ld not found at $WASM_LD"
elif ! rustup component list --installed 2>/dev/null | grep -q '^clippy'; then
  rustup component add clippy rustfmt >/dev/null 2>&1 || true
fi

# 2. wasm-bindgen-cli, exactly the version in Cargo.lock (the CLI and the library must match).
wb_version=$WASM_BINDGEN_VERSION
[ -n "$wb_version" ] || die "no wasm-bindgen in Cargo.lock"
grep -q "wasm_bindgen = \"$wb_version\"" Trunk.toml || die "Trunk.toml [tools] wasm_bindgen must be $wb_version (Cargo.lock)"
wb_root="$LATIH_TOOLS/wasm-bindgen-$wb_version"
if "$wb_root/bin/wasm-bindgen" --version 2>/dev/null | grep -q " $wb_version"; then
  step "wasm-bindgen-cli $wb_version (cached)"
else
  step "wasm-bindgen-cli $wb_version: building (about 2 minutes)"
  # No --locked: its lock file pins a crate version the registry mirror here lacks.
  cargo install --quiet wasm-bindgen-cli --version "$wb_version" --root "$wb_root"
fi

# 3. trunk.
trunk_root="$LATIH_TOOLS/trunk-$TRUNK_VERSION"
if "$trunk_root/bin/trunk" --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  step "trunk $TRUNK_VERSION (cached)"
else
  step "trunk $TRUNK_VERSION: building (about 6 minutes)"
  cargo install --quiet --locked trunk --version "$TRUNK_VERSION" --root "$trunk_root"
fi

# 3b. cargo-fuzz for the importer's fuzz smoke run (scripts/fuzz.sh); it needs nightly Rust, so
# it is skipped (and the fuzz suite reports SKIPPED) where no nightly toolchain can be had.
# A nightly toolchain is used where one is installed; setup does not download one.
fuzz_root="$LATIH_TOOLS/cargo-fuzz-$FUZZ_VERSION"
if [ -x "$fuzz_root/bin/cargo-fuzz" ]; then
  step "cargo-fuzz $FUZZ_VERSION (cached)"
elif cargo +nightly --version >/dev/null 2>&1; then
  step "cargo-fuzz $FUZZ_VERSION: building (about 1 minute)"
  cargo install --quiet cargo-fuzz --version "$FUZZ_VERSION" --root "$fuzz_root" || step "cargo-fuzz: build failed; the fuzz suite will be skipped"
else
  step "cargo-fuzz: no nightly Rust here; the fuzz suite will be skipped"
fi

# 4. Node packages: wasm-opt (binaryen), playwright-core, axe-core, lighthouse and the xAPI
# validator, exactly as package-lock.json says.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f node_modules/.latih-lock ] && [ "$(cat node_modules/.latih-lock)" = "$lock_sum" ]; then
  step "node packages (cached)"
else
  step "node packages: npm ci"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  echo "$lock_sum" > node_modules/.latih-lock
fi

# 4b. Ralph, the learning record store the LRS tests post the xAPI export to, in a venv of its
# own with every package pinned (tests/lrs/requirements.txt). The venv is made again from scratch
# when that file changes (its sha256 is kept in the venv), so nothing of an older set stays.
ralph_root="$LATIH_TOOLS/ralph-$RALPH_VERSION"
ralph_reqs="tests/lrs/requirements.txt"
grep -qx "ralph-malph\[lrs,cli\]==$RALPH_VERSION" "$ralph_reqs" || die "$ralph_reqs must pin ralph-malph[lrs,cli]==$RALPH_VERSION (scripts/env.sh)"
reqs_sum=$(sha256sum "$ralph_reqs" | cut -d' ' -f1)
if [ -x "$ralph_root/bin/ralph" ] && "$ralph_root/bin/python" -c '' 2>/dev/null \
  && [ "$(cat "$ralph_root/.latih-requirements" 2>/dev/null)" = "$reqs_sum" ]; then
  step "Ralph $RALPH_VERSION (cached)"
else
  command -v python3 >/dev/null || die "python3 >= 3.11 is required for the learning record store the tests use (Ralph $RALPH_VERSION)"
  # Ralph itself takes 3.9, but some of the pinned packages (pydantic-settings, dnspython,
  # websockets) need 3.11.
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || die "python3 >= 3.11 is needed for Ralph $RALPH_VERSION's pinned packages (found $(python3 --version 2>&1))"
  if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
    step "python3 cannot make a venv; installing Debian's python3-venv"
    apt_install python3-venv || die "python3 cannot make a venv (on Debian and Ubuntu: apt-get install python3-venv)"
  fi
  step "Ralph $RALPH_VERSION: installing into a venv (about 20 seconds)"
  rm -rf "$ralph_root"
  python3 -m venv "$ralph_root"
  "$ralph_root/bin/python" -m pip install --quiet --no-input --disable-pip-version-check -r "$ralph_reqs" \
    || die "could not install Ralph's packages from $ralph_reqs"
  "$ralph_root/bin/ralph" --version >/dev/null || die "Ralph was installed in $ralph_root but does not start"
  echo "$reqs_sum" > "$ralph_root/.latih-requirements"
fi

# 5. Chromium and chromedriver.
if [ -x "$CHROME" ] && [ -x "$CHROMEDRIVER" ]; then
  step "Chromium and chromedriver (cached)"
else
  step "Chromium and chromedriver: installing Debian's packages"
  apt_install chromium chromium-driver \
    || die "could not install chromium and chromium-driver (on Ubuntu they are snaps: install Google Chrome and its chromedriver, then set CHROME and CHROMEDRIVER)"
  CHROME=/usr/bin/chromium CHROMEDRIVER=/usr/bin/chromedriver
  [ -x "$CHROME" ] && [ -x "$CHROMEDRIVER" ] || die "Chromium not found at $CHROME / $CHROMEDRIVER (set CHROME and CHROMEDRIVER)"
fi

# 6. Crates, so that offline builds (trunk runs cargo with --offline) find them; with build-std
# that includes the standard library's own dependencies for wasm32.
cargo fetch --quiet
if [ "$(cat "$LATIH_TOOLS/wasm-mode")" = debian ]; then
  wasm cargo fetch --quiet --target wasm32-unknown-unknown \
    || step "warning: could not fetch build-std's crates; offline wasm builds may fail"
fi

step "ready ($(cat "$LATIH_TOOLS/wasm-mode") wasm toolchain, tools in $LATIH_TOOLS)"
