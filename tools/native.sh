#!/usr/bin/env bash
# `npm run native [-- ARGS]`: set up, build and start the desktop app.
# ARGS go to the app, e.g. `npm run native -- 'demo=activations&fn=tanh'`.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PLAYGROUND_ROOT"
bash tools/setup.sh
bash tools/build.sh native
exec ./build/native/playground "$@"
