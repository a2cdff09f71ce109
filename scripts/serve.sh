#!/usr/bin/env bash
# Sets up whatever is missing, then builds and serves the app on http://127.0.0.1:8080 with
# live rebuild. Ctrl-C stops it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
bash scripts/setup.sh
source scripts/env.sh
printf '\n  Latih will be at  http://127.0.0.1:8080/  (first build takes a few minutes)\n\n'
wasm trunk serve --address 127.0.0.1 --port 8080 "$@"
