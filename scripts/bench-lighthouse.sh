#!/usr/bin/env bash
# The Lighthouse benchmark (scripts/bench-lighthouse.mjs): builds the one-button Yew page it
# compares against (a few seconds: it shares the app's compiled dependencies), then runs
# Lighthouse on it and on the built app in dist/. Build the app first (trunk build --release).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source scripts/env.sh
wasm trunk build --release --config benches/baseline/Trunk.toml >/dev/null
node scripts/bench-lighthouse.mjs
