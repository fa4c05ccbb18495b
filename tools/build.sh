#!/usr/bin/env bash
# Configures and builds one preset: `tools/build.sh native` or `tools/build.sh web`.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PLAYGROUND_ROOT"
preset="${1:?usage: tools/build.sh native|web}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
