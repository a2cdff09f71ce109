#!/usr/bin/env bash
# Sets up whatever is missing, then builds and serves the app on http://127.0.0.1:8080, and
# rebuilds when a source file changes: reload the page to see the new build. (Trunk's
# auto-reload injects an inline script that the page's Content-Security-Policy rightly
# refuses, which only put an error in the console, so it is off.) Ctrl-C stops it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
bash scripts/setup.sh
source scripts/env.sh
printf '\n  Latih will be at  http://127.0.0.1:8080/  (first build takes a few minutes)\n\n'
wasm trunk serve --address 127.0.0.1 --port 8080 --no-autoreload "$@"
