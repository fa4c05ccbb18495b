#!/usr/bin/env bash
# `npm run fuzz`: builds the libFuzzer targets (CMake preset `fuzz`: clang-14,
# ASan + UBSan) and runs each on its seed corpus (docs/fuzzing.md).
#   tools/fuzz.sh                   every target for 1,000,000 executions, seed 1
#   tools/fuzz.sh --seconds 60      every target for 60 s instead
#   tools/fuzz.sh --runs 50000      a different execution count
#   tools/fuzz.sh --only fuzz_jobs  one target (repeatable)
#   tools/fuzz.sh --replay          no fuzzing: run every seed and regression input once
#                                   (what `npm test` does; exits non-zero if one fails)
#   tools/fuzz.sh --build-only
#   tools/fuzz.sh --no-build ...    use the targets as they are built (tools/test.sh)
# Prints, per target, the executions done and the crashes; exits non-zero on
# a crash. Crashing inputs land in build/fuzz/artifacts/<target>/: add each to
# tests/fuzz/regressions/<target>/ with a doctest next to the fix.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PLAYGROUND_ROOT"

runs=1000000
seconds=""
replay=0
build_only=0
build=1
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --only) only+=("${2:?--only needs a target name}"); shift 2 ;;
    --replay) replay=1; shift ;;
    --build-only) build_only=1; shift ;;
    --no-build) build=0; shift ;;
    *) echo "fuzz: unknown option $1 (see the top of tools/fuzz.sh)" >&2; exit 2 ;;
  esac
done

say() { printf '[fuzz] %s\n' "$*"; }

if [ "$build" -eq 1 ]; then
  mkdir -p build
  cmake --preset fuzz >/dev/null || { say "configure failed"; exit 1; }
  cmake --build --preset fuzz -j2 --target fuzz_all >build/fuzz-build.log 2>&1 ||
    { tail -40 build/fuzz-build.log; say "build failed (log: build/fuzz-build.log)"; exit 1; }
fi
[ "$build_only" -eq 1 ] && exit 0

bin_dir=build/fuzz/tests/fuzz
if [ ${#only[@]} -eq 0 ]; then
  for source in tests/fuzz/fuzz_*.cpp; do only+=("$(basename "$source" .cpp)"); done
fi

# Longest input per target: images and weights files need a few KB, the
# URL codec a little more than its 8192-byte limit.
max_len() {
  case "$1" in
    fuzz_url_state) echo 9000 ;;
    fuzz_image_loader|fuzz_gimp_pattern|fuzz_text_asset) echo 4096 ;;
    fuzz_caption_weights) echo 12000 ;;
    fuzz_scene_objects|fuzz_vocabulary) echo 512 ;;
    *) echo 2048 ;;
  esac
}

status=0
for target in "${only[@]}"; do
  bin="$bin_dir/$target"
  [ -x "$bin" ] || { say "$target: no such target"; status=1; continue; }
  seeds="tests/fuzz/corpus/$target"
  regressions="tests/fuzz/regressions/$target"
  log="build/fuzz/logs/$target.log"
  mkdir -p build/fuzz/logs
  if [ "$replay" -eq 1 ]; then
    # Each file once; libFuzzer runs file arguments without mutating them.
    log="build/fuzz/logs/$target.replay.log"
    mapfile -t inputs < <(find "$seeds" "$regressions" -type f 2>/dev/null | sort)
    if [ ${#inputs[@]} -eq 0 ]; then say "$target: no inputs"; status=1; continue; fi
    if "$bin" -rss_limit_mb=2048 -timeout=10 "${inputs[@]}" >"$log" 2>&1; then
      say "$target: ${#inputs[@]} inputs replayed, 0 crashes"
    else
      tail -30 "$log"; say "$target: replay FAILED (log: $log)"; status=1
    fi
    continue
  fi
  # New inputs go to the first folder (build/, git-ignored); the seeds are only read.
  work="build/fuzz/corpus/$target"
  artifacts="build/fuzz/artifacts/$target/"
  mkdir -p "$work" "$artifacts"
  limit=(-runs="$runs")
  [ -n "$seconds" ] && limit=(-max_total_time="$seconds")
  dirs=("$work" "$seeds")
  [ -d "$regressions" ] && dirs+=("$regressions")
  before=$(find "$artifacts" -type f | wc -l)
  "$bin" "${limit[@]}" -seed=1 -rss_limit_mb=2048 -timeout=10 -max_len="$(max_len "$target")" \
    -print_final_stats=1 -artifact_prefix="$artifacts" "${dirs[@]}" >"$log" 2>&1
  rc=$?
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  crashes=$(( $(find "$artifacts" -type f | wc -l) - before ))
  if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi
  say "$target: ${executions:-?} executions, $crashes crashes$([ "$crashes" -gt 0 ] && echo " (log: $log, inputs: $artifacts)")"
  [ "$crashes" -eq 0 ] || { grep -a -m3 "ERROR\|runtime error\|fuzz property" "$log"; status=1; }
done
exit "$status"
