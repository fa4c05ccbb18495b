# Shared paths and Emscripten environment for every script in tools/.
# Source it: `. tools/env.sh`. Safe to source twice.

PLAYGROUND_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Expensive third-party artefacts live outside the clone so a fresh clone
# (as CI makes) reuses them; each is keyed by version and verified before use.
PLAYGROUND_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/dl-playground"
PLAYGROUND_THIRD_PARTY="$PLAYGROUND_ROOT/third_party"

# Debian's Emscripten needs Debian's node modules (acorn) and a writable,
# unfrozen cache for the system libraries it builds on first use.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
export EM_CACHE="$PLAYGROUND_CACHE/emscripten-cache-3.1.6"
export EM_FROZEN_CACHE=0

export PLAYGROUND_ROOT PLAYGROUND_CACHE PLAYGROUND_THIRD_PARTY
