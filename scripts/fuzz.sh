#!/usr/bin/env bash
# Fuzz smoke run of the scenario importer: cargo-fuzz (libFuzzer, nightly Rust) for SECONDS
# (default 30), starting from the bundled scenarios. Any panic or crash fails the run; the crash
# input is left in fuzz/artifacts/. Prints "SKIPPED: ..." and exits 0 where nightly or cargo-fuzz
# cannot be had (the test summary counts it as skipped, not passed).
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source scripts/env.sh
seconds=${1:-30}
if ! command -v cargo-fuzz >/dev/null; then
  echo "SKIPPED: cargo-fuzz is not installed (scripts/setup.sh installs it where nightly Rust exists)"
  exit 0
fi
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "SKIPPED: no nightly Rust toolchain (cargo-fuzz needs one)"
  exit 0
fi
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
cp src/engine/pack/*.json "$corpus/"
cd fuzz
cargo +nightly fuzz run import "$corpus" -- -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 2>&1 | tail -n 25
echo "fuzz: import ran ${seconds}s with no crash"
