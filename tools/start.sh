#!/usr/bin/env bash
# `npm start`: set up what is missing, build the web app, serve dist/ on
# http://127.0.0.1:8080 (override with PORT=... or `npm start -- --port N`).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PLAYGROUND_ROOT"
bash tools/setup.sh
bash tools/build.sh web
exec node tools/serve.js "$@"
