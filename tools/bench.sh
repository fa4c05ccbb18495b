#!/usr/bin/env bash
# `npm run bench [-- --quick] [-- --browser] [-- --only op,op]`: builds the
# benchmark natively, in wasm with SIMD and in wasm without SIMD, then times
# them interleaved with TensorFlow.js (tools/bench.js; the wasm module is the
# same for node and the browser page).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PLAYGROUND_ROOT"
bash tools/setup.sh >/dev/null
targets=(bench)
cmake --preset native >/dev/null && cmake --build --preset native -j2 --target bench >/dev/null
cmake --preset web >/dev/null && cmake --build --preset web -j2 --target "${targets[@]}" >/dev/null
# A scalar wasm build: the same code without -msimd128.
cmake -S . -B build/web-scalar -G Ninja -DCMAKE_BUILD_TYPE=Release -DPLAYGROUND_SIMD=OFF \
  -DCMAKE_TOOLCHAIN_FILE=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake >/dev/null
cmake --build build/web-scalar -j2 --target "${targets[@]}" >/dev/null
exec node tools/bench.js "$@"
