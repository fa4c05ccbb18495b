#!/usr/bin/env bash
# `npm run bench [-- --quick]`: builds the benchmark natively, in wasm with SIMD
# and in wasm without SIMD, then runs them side by side (tools/bench.js).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PLAYGROUND_ROOT"
bash tools/setup.sh >/dev/null
cmake --preset native >/dev/null && cmake --build --preset native --target bench >/dev/null
cmake --preset web >/dev/null && cmake --build --preset web --target bench >/dev/null
# A scalar wasm build: the same code without -msimd128.
cmake -S . -B build/web-scalar -G Ninja -DCMAKE_BUILD_TYPE=Release -DPLAYGROUND_SIMD=OFF \
  -DCMAKE_TOOLCHAIN_FILE=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake >/dev/null
cmake --build build/web-scalar --target bench >/dev/null
exec node tools/bench.js "$@"
