#!/usr/bin/env bash
# `npm test`: the whole suite, in order. Each stage adds its checks to one
# tally; the last line is "N passed, M failed".
#   1. set-up, then the UI strings' Korean rows (tools/ui_strings.js)
#   2. native build + doctest via ctest   3. native smoke test under Xvfb
#   4. the engine's doctest suite under ASan + UBSan   5. web build + the same doctest
#   binary under node   6. native == wasm numbers   7. browser end-to-end tests
#   (playwright-core + Debian's Chromium)   8. fuzz corpora replay: every seed and
#   regression input once under ASan/UBSan
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PLAYGROUND_ROOT"

LOGS="$PLAYGROUND_ROOT/build/test-logs"
mkdir -p "$LOGS" build/screenshots
passed=0
failed=0

stage() { printf '\n== %s\n' "$*"; }
pass() { passed=$((passed + $1)); }
fail() { failed=$((failed + $1)); }

# Runs a command whose failure counts as one failed check; output to a log,
# shown in full when it fails.
run_step() {  # $1 = name, rest = command
  local name="$1"; shift
  local log="$LOGS/$name.log"
  if "$@" >"$log" 2>&1; then
    echo "ok   - $name"; pass 1; return 0
  else
    echo "FAIL - $name (log: $log)"; tail -40 "$log"; fail 1; return 1
  fi
}

# Adds doctest's "test cases: N | P passed | F failed" from a log to the tally
# (summed over every doctest binary that ctest ran).
count_doctest() {  # $1 = log, $2 = label
  local lines p f
  lines=$(sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -a "test cases:")  # without colour codes
  p=$(echo "$lines" | sed -n 's/.*| *\([0-9]*\) passed.*/\1/p' | awk '{s += $1} END {if (NR) print s}')
  f=$(echo "$lines" | sed -n 's/.*| *\([0-9]*\) failed.*/\1/p' | awk '{s += $1} END {if (NR) print s}')
  if [ -z "$p" ]; then
    echo "FAIL - $2: no doctest summary (log: $1)"; tail -40 "$1"; fail 1; return
  fi
  echo "$( [ "$f" = 0 ] && echo 'ok  ' || echo 'FAIL') - $2: $p test cases passed, $f failed"
  pass "$p"; fail "$f"
  [ "$f" = 0 ] || grep -a -B2 -A12 "ERROR\|error:" "$1" | head -80
}

# Adds a node test script's "label: N passed, M failed" to the tally.
count_node() {  # $1 = log, $2 = label
  local line p f
  line=$(grep -a "^$2: [0-9]* passed, [0-9]* failed" "$1" | tail -1)
  p=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed.*/\1/p')
  f=$(echo "$line" | sed -n 's/.*, \([0-9]*\) failed.*/\1/p')
  if [ -z "$p" ]; then echo "FAIL - $2: no summary (log: $1)"; tail -40 "$1"; fail 1; return; fi
  pass "$p"; fail "$f"
}

stage "set-up"
run_step setup bash tools/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

stage "UI strings: every translated text has Korean, with the same placeholders"
run_step ui-strings node tools/ui_strings.js --check

stage "native build and unit tests"
if run_step native-build bash tools/build.sh native; then
  ctest --preset native -V >"$LOGS/ctest-native.log" 2>&1
  count_doctest "$LOGS/ctest-native.log" "doctest (native)"

  stage "native smoke test under Xvfb"
  node tests/native/smoke.test.js 2>&1 | tee "$LOGS/native-smoke.log"
  count_node "$LOGS/native-smoke.log" native
fi

stage "engine tests under AddressSanitizer + UBSan (assertions live)"
# The engine's suite only: the whole suite built and run this way would add
# about 21 minutes to a cold CI run (measured; docs/fuzzing.md).
if run_step sanitize-build bash -c 'cmake --preset sanitize >/dev/null && cmake --build --preset sanitize -j2'; then
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    build/sanitize/engine_tests >"$LOGS/sanitize.log" 2>&1
  count_doctest "$LOGS/sanitize.log" "doctest (engine, ASan + UBSan)"
fi

stage "web build and unit tests under node"
if run_step web-build bash tools/build.sh web; then
  ctest --preset web -V >"$LOGS/ctest-web.log" 2>&1
  count_doctest "$LOGS/ctest-web.log" "doctest (wasm, node)"

  stage "native and wasm agree"
  # A missing binary is a failure, not a skip: the comparison is what backs "bit for bit".
  if [ -x build/native/fingerprint ] && [ -f build/web/fingerprint.js ]; then
    node tests/cross_platform/compare.test.js 2>&1 | tee "$LOGS/cross-platform.log"
    count_node "$LOGS/cross-platform.log" cross-platform
  else
    echo "FAIL - cross-platform: build/native/fingerprint or build/web/fingerprint.js is missing"; fail 1
  fi

  stage "browser end-to-end (Chromium, SwiftShader WebGL2)"
  node tests/browser/e2e.test.js 2>&1 | tee "$LOGS/browser.log"
  count_node "$LOGS/browser.log" browser

  stage "Korean and small screens (Chromium)"
  node tests/browser/korean_layout.test.js 2>&1 | tee "$LOGS/korean-layout.log"
  count_node "$LOGS/korean-layout.log" layout
fi

stage "fuzz corpora replay (ASan/UBSan)"
# The libFuzzer targets (docs/fuzzing.md) built with clang-14, each run once
# over its seeds and its regressions (crashes found before): one check each.
if run_step fuzz-build bash tools/fuzz.sh --build-only; then
  for source in tests/fuzz/fuzz_*.cpp; do
    target=$(basename "$source" .cpp)
    run_step "fuzz-replay-$target" bash tools/fuzz.sh --no-build --replay --only "$target"
  done
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
