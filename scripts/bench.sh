#!/usr/bin/env bash
# The size and start-up benchmark: builds the release app (unless --no-build), prints the wasm,
# JS and CSS sizes (raw, gzip, brotli) and the first-render time in headless Chromium, and fails
# when a budget is broken (budgets in scripts/bench-size.mjs).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source scripts/env.sh
if [ "${1:-}" != --no-build ]; then
  bash scripts/setup.sh
  wasm trunk build --release
fi
node scripts/bench-size.mjs
