#!/usr/bin/env bash
# One-time (and idempotent) set-up on Debian 12: system packages, third-party
# sources, the SDL2 WebAssembly build and npm packages. Fast when all is present.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PLAYGROUND_ROOT"

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

# --- 1. Debian packages --------------------------------------------------------
PACKAGES=(
  cmake ninja-build g++ pkg-config
  emscripten                 # clang/lld/binaryen for the web build
  libeigen3-dev doctest-dev libstb-dev
  libsdl2-dev libgles-dev libegl-dev libgl1-mesa-dri   # native GLES 3 build; llvmpipe under Xvfb
  chromium                   # browser tests (driven by playwright-core)
  xvfb xauth imagemagick     # native screenshots
  xz-utils
  clang-14 libfuzzer-14-dev  # `npm run fuzz` (tools/fuzz.sh): libFuzzer + ASan/UBSan, natively
  dataset-fashion-mnist      # the dropout demo's images (MIT licence), converted at build time
  python3-fonttools          # tools/build_ui_font.js cuts the UI font to the glyphs the strings use
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# Source packages need deb-src entries; add them next to Debian's deb entries.
SRC_LIST=/etc/apt/sources.list.d/debian-src.sources
need_update=0
if ! grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  say "enabling Debian source entries in $SRC_LIST"
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | $SUDO tee "$SRC_LIST" >/dev/null
  need_update=1
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "about to install Debian packages: ${missing[*]}"
  need_update=1
fi
if [ $need_update -eq 1 ]; then
  $SUDO apt-get update -q
fi
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  say "Debian packages present"
fi

# --- 2. Source packages (imgui, libsdl2), verified against their .dsc ---------
# Prints the path of the verified download folder of source package $1.
verify_dsc() {  # $1 = folder holding one .dsc and the files it lists
  local dir="$1" dsc
  dsc=$(ls "$dir"/*.dsc 2>/dev/null | head -1) || return 1
  [ -n "$dsc" ] || return 1
  # Lines after "Checksums-Sha256:" are " <sha256> <size> <file>" until the next field.
  awk '/^Checksums-Sha256:/{on=1; next} /^[^ ]/{on=0} on && NF==3 {print $1"  "$3}' "$dsc" \
    | (cd "$dir" && sha256sum --quiet -c -) >/dev/null 2>&1
}

fetch_source() {  # $1 = source package; prints the download folder
  local pkg="$1" version dir
  version=$(apt-cache showsrc "$pkg" | awk '/^Version:/{print $2; exit}')
  [ -n "$version" ] || die "apt-cache knows no source package $pkg (deb-src entries missing?)"
  dir="$PLAYGROUND_CACHE/debsrc/${pkg}_${version}"
  if ! verify_dsc "$dir"; then
    say "downloading source package $pkg $version" >&2
    rm -rf "$dir"; mkdir -p "$dir"
    (cd "$dir" && apt-get source --download-only -q "$pkg=$version" >&2)
    verify_dsc "$dir" || die "checksums of $pkg do not match its .dsc"
  fi
  echo "$dir"
}

extract_orig() {  # $1 = download folder, $2 = destination; unpacks the upstream tarball
  local dir="$1" dest="$2" tarball
  tarball=$(ls "$dir"/*.orig.tar.* | head -1)
  if [ ! -f "$dest/.extracted" ] || [ "$(cat "$dest/.extracted")" != "$(basename "$tarball")" ]; then
    rm -rf "$dest"; mkdir -p "$dest"
    tar -xf "$tarball" -C "$dest" --strip-components=1
    basename "$tarball" > "$dest/.extracted"
  fi
}

mkdir -p "$PLAYGROUND_THIRD_PARTY"
imgui_dl=$(fetch_source imgui)
imgui_src="$imgui_dl/src"
extract_orig "$imgui_dl" "$imgui_src"
[ -f "$imgui_src/backends/imgui_impl_sdl.cpp" ] || die "imgui sources lack backends/imgui_impl_sdl.cpp"
ln -sfn "$imgui_src" "$PLAYGROUND_THIRD_PARTY/imgui"

sdl_dl=$(fetch_source libsdl2)
sdl_src="$sdl_dl/src"
extract_orig "$sdl_dl" "$sdl_src"

# The language model's text: Jane Austen's novels as R data in Debian's
# r-cran-janeaustenr (MIT; the novels are public domain). Only the .deb is
# fetched and unpacked (installing it would pull in all of R); the build
# converts it with tools/make_text_asset.js.
austen_version=$(apt-cache show r-cran-janeaustenr 2>/dev/null | awk '/^Version:/{print $2; exit}')
[ -n "$austen_version" ] || die "apt-cache knows no package r-cran-janeaustenr (run apt-get update?)"
austen_sha=$(apt-cache show "r-cran-janeaustenr=$austen_version" | awk '/^SHA256:/{print $2; exit}')
austen_dir="$PLAYGROUND_CACHE/debs/r-cran-janeaustenr_$austen_version"
austen_data="$austen_dir/root/usr/lib/R/site-library/janeaustenr"
austen_ok() {  # the cached .deb matches the archive's checksum, and it is unpacked
  local deb
  deb=$(ls "$austen_dir"/r-cran-janeaustenr_*.deb 2>/dev/null) || return 1
  [ -n "$austen_sha" ] && echo "$austen_sha  $deb" | sha256sum --quiet -c - >/dev/null 2>&1 &&
    [ -f "$austen_data/data/Rdata.rdb" ]
}
if ! austen_ok; then
  say "downloading r-cran-janeaustenr $austen_version (the language model's text)"
  rm -rf "$austen_dir"; mkdir -p "$austen_dir"
  (cd "$austen_dir" && apt-get download -q "r-cran-janeaustenr=$austen_version" >&2)
  dpkg-deb -x "$austen_dir"/r-cran-janeaustenr_*.deb "$austen_dir/root"
  austen_ok || die "r-cran-janeaustenr: checksum mismatch or no data/Rdata.rdb"
fi
ln -sfn "$austen_data" "$PLAYGROUND_THIRD_PARTY/janeaustenr"

# The style-transfer demo's images (docs/style-images.md lists files and
# licences) and the UI font (docs/fonts.md), fetched like janeaustenr: the .deb only, verified against the
# archive's SHA256, unpacked into the cache, never installed.
fetch_deb_data() {  # $1 = package, $2 = folder inside the .deb, $3 = a file that must be there, $4 = link name
  local pkg="$1" inner="$2" probe="$3" link="$4" version sha dir
  version=$(apt-cache show "$pkg" 2>/dev/null | awk '/^Version:/{print $2; exit}')
  [ -n "$version" ] || die "apt-cache knows no package $pkg (run apt-get update?)"
  sha=$(apt-cache show "$pkg=$version" | awk '/^SHA256:/{print $2; exit}')
  dir="$PLAYGROUND_CACHE/debs/${pkg}_$version"
  deb_ok() {
    local deb
    deb=$(ls "$dir/${pkg}_"*.deb 2>/dev/null) || return 1
    [ -n "$sha" ] && echo "$sha  $deb" | sha256sum --quiet -c - >/dev/null 2>&1 &&
      [ -f "$dir/root/$inner/$probe" ]
  }
  if ! deb_ok; then
    say "downloading $pkg $version (data files)"
    rm -rf "$dir"; mkdir -p "$dir"
    (cd "$dir" && apt-get download -q "$pkg=$version" >&2)
    dpkg-deb -x "$dir/${pkg}_"*.deb "$dir/root"
    deb_ok || die "$pkg: checksum mismatch or no $inner/$probe"
  fi
  ln -sfn "$dir/root/$inner" "$PLAYGROUND_THIRD_PARTY/$link"
}
fetch_deb_data python3-skimage usr/lib/python3/dist-packages/skimage/data astronaut.png skimage-data
fetch_deb_data opencv-doc usr/share/doc/opencv-doc/examples/data starry_night.jpg opencv-data
fetch_deb_data gimp-data usr/share/gimp/2.0/patterns Animal/leopard.pat gimp-patterns
fetch_deb_data fonts-nanum usr/share/fonts/truetype/nanum NanumGothic.ttf fonts-nanum

# doctest and stb for wasm: include folders holding only them (not all of
# /usr/include, which would drag glibc's headers into the wasm build).
mkdir -p "$PLAYGROUND_THIRD_PARTY/doctest-include" "$PLAYGROUND_THIRD_PARTY/stb-include"
ln -sfn /usr/include/doctest "$PLAYGROUND_THIRD_PARTY/doctest-include/doctest"
ln -sfn /usr/include/stb "$PLAYGROUND_THIRD_PARTY/stb-include/stb"

# --- 3. Emscripten cache, seeded with Debian's prebuilt libraries ------------
if [ ! -f "$EM_CACHE/.seeded" ]; then
  say "seeding the Emscripten cache at $EM_CACHE"
  mkdir -p "$EM_CACHE"
  cp -a /usr/share/emscripten/cache/. "$EM_CACHE/" 2>/dev/null || true
  touch "$EM_CACHE/.seeded"
fi
# CMakePresets.json points Emscripten at this link, wherever XDG_CACHE_HOME is.
ln -sfn "$EM_CACHE" "$PLAYGROUND_THIRD_PARTY/emscripten-cache"

# --- 4. SDL2 built for WebAssembly, once, cached by version -----------------
# awk reads all of emcc's output: `head -1` could close the pipe early, and
# under `set -o pipefail` emcc's broken pipe would fail the whole set-up.
emcc_version=$(emcc --version | awk 'NR == 1 && match($0, /[0-9]+\.[0-9]+\.[0-9]+/) { print substr($0, RSTART, RLENGTH) }')
[ -n "$emcc_version" ] || die "could not read emcc's version"
sdl_key="$(basename "$sdl_dl")-emcc-$emcc_version"
sdl_prefix="$PLAYGROUND_CACHE/sdl2-wasm/$sdl_key"
sdl_stamp="$sdl_prefix/.built"
sdl_ok() {
  [ -f "$sdl_stamp" ] && [ -f "$sdl_prefix/lib/libSDL2.a" ] &&
    [ "$(cat "$sdl_stamp")" = "$(sha256sum < "$sdl_prefix/lib/libSDL2.a")" ]
}
if ! sdl_ok; then
  say "building SDL2 for WebAssembly (about 5 minutes, once) into $sdl_prefix"
  rm -rf "$sdl_prefix" "$sdl_prefix.build"
  sdl_log="$PLAYGROUND_CACHE/sdl2-wasm/$sdl_key.log"
  mkdir -p "$(dirname "$sdl_log")"
  if ! { emcmake cmake -S "$sdl_src" -B "$sdl_prefix.build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
           -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DCMAKE_INSTALL_PREFIX="$sdl_prefix" &&
         cmake --build "$sdl_prefix.build" -j"$(nproc)" &&
         cmake --install "$sdl_prefix.build"; } >"$sdl_log" 2>&1; then
    tail -40 "$sdl_log" >&2
    die "the SDL2 WebAssembly build failed; full log: $sdl_log"
  fi
  rm -rf "$sdl_prefix.build"
  sha256sum < "$sdl_prefix/lib/libSDL2.a" > "$sdl_stamp"
fi
ln -sfn "$sdl_prefix" "$PLAYGROUND_THIRD_PARTY/sdl2-wasm"
say "SDL2 for wasm: $sdl_prefix"

# --- 5. npm packages (playwright-core), pinned by package-lock.json ----------
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.lock-hash ] || [ "$(cat node_modules/.lock-hash)" != "$lock_hash" ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.lock-hash
fi

say "ready"
