#!/usr/bin/env bash
# Sets up whatever is missing, then runs every test suite and ends with one line
# "N passed, N failed" over all of them. Exits non-zero if anything failed.
#
#   scripts/test.sh             every suite
#   scripts/test.sh e2e unit    only the named suites (see SUITES below)
#
# Each suite's full output is also kept in artifacts/logs/<suite>.log.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

SUITES=(fmt clippy clippy-wasm unit pack bench-engine fuzz browser build e2e bench bench-play bench-graph bench-lighthouse)

bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
source scripts/env.sh
mkdir -p artifacts/logs

passed=0
failed=0
skipped=0
failures=()

# Runs one suite: prints its output, then counts either the tests it reports or (for checks
# that report no tests) one pass or failure.
run_suite() {
  local name=$1; shift
  local log="artifacts/logs/$name.log" start=$SECONDS
  printf '\n\033[1m=== %s\033[0m\n' "$name"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local p f
  read -r p f < <(count_tests "$log")
  if [ "$status" = 0 ] && grep -q '^SKIPPED:' "$log"; then
    skipped=$((skipped + 1))
    printf '\033[1m--- %s: skipped (%ss)\033[0m\n' "$name" "$((SECONDS - start))"
    return
  fi
  if [ "$p" = "" ]; then
    if [ "$status" = 0 ]; then p=1; f=0; else p=0; f=1; fi
  elif [ "$status" != 0 ] && [ "$f" = 0 ]; then
    f=1 # the run failed outside any test (a build error, a crash)
  fi
  passed=$((passed + p)); failed=$((failed + f))
  [ "$f" = 0 ] || failures+=("$name")
  printf '\033[1m--- %s: %s passed, %s failed (%ss)\033[0m\n' "$name" "$p" "$f" "$((SECONDS - start))"
}

# Prints "passed failed" summed over the test runner summaries in a log, or nothing if none.
count_tests() {
  awk '
    /^test result: / { found=1; for (i=1;i<=NF;i++) { if ($(i+1) ~ /^passed;?$/) p+=$i; if ($(i+1) ~ /^failed;?$/) f+=$i } }
    /^ℹ pass [0-9]+$/ { found=1; p+=$3 }
    /^ℹ fail [0-9]+$/ { found=1; f+=$3 }
    END { if (found) print p+0, f+0 }
  ' "$1"
}

SELECTED=("$@")
for s in "${SELECTED[@]}"; do
  printf '%s\n' "${SUITES[@]}" | grep -qx "$s" || { echo "unknown suite: $s (suites: ${SUITES[*]})"; exit 2; }
done
pick() { [ ${#SELECTED[@]} -eq 0 ] || want "$1" "${SELECTED[@]}"; }
want() { local x=$1; shift; local s; for s in "$@"; do [ "$s" = "$x" ] && return 0; done; return 1; }

pick fmt         && run_suite fmt cargo fmt --all -- --check
pick clippy      && run_suite clippy cargo clippy --all-targets --all-features --locked -- -D warnings
pick clippy-wasm && run_suite clippy-wasm wasm cargo clippy --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
pick unit        && run_suite unit cargo test --locked --no-fail-fast
pick pack        && run_suite pack cargo run --locked --quiet --features test-support --bin latih-cli -- pack --runs 2000
pick bench-engine && run_suite bench-engine cargo bench --locked --bench engine
pick fuzz        && run_suite fuzz bash scripts/fuzz.sh "${LATIH_FUZZ_SECONDS:-30}"
pick browser     && run_suite browser wasm cargo test --target wasm32-unknown-unknown --locked --test web
# Later suites must never test an old build left behind by an earlier run.
pick build && rm -rf dist
pick build       && run_suite build wasm trunk build --release
pick e2e         && run_suite e2e node --test --test-reporter=spec --test-concurrency=1 --test-timeout=180000 tests/e2e/
# The bench rebuilds the release app unless this run has just built it.
bench_args=(); pick build && bench_args=(--no-build)
pick bench       && run_suite bench bash scripts/bench.sh "${bench_args[@]}"
pick bench-play  && run_suite bench-play node scripts/bench-play.mjs
pick bench-graph && run_suite bench-graph node scripts/bench-graph.mjs
pick bench-lighthouse && run_suite bench-lighthouse bash scripts/bench-lighthouse.sh

echo
[ ${#failures[@]} -eq 0 ] || echo "failed suites: ${failures[*]}"
if [ "$skipped" = 0 ]; then
  echo "$passed passed, $failed failed"
else
  echo "$passed passed, $failed failed, $skipped skipped"
fi
[ "$failed" = 0 ]
