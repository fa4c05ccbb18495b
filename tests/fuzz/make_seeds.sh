#!/usr/bin/env bash
# Rewrites the seed corpora in tests/fuzz/corpus/ (docs/fuzzing.md): the
# encoders' outputs from fuzz_make_seeds, and a few tiny images made with
# ImageMagick for the image loader. Builds fuzz_make_seeds in the fuzz preset.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
corpus="$root/tests/fuzz/corpus"
seeds="$root/build/fuzz/tests/fuzz/fuzz_make_seeds"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j2 --target fuzz_make_seeds >/dev/null

for target in weights caption_weights image_asset gimp_pattern scene_objects jobs text_asset vocabulary url_state image_loader; do
  rm -rf "${corpus:?}/fuzz_$target"; mkdir -p "$corpus/fuzz_$target"
done
ASAN_OPTIONS=detect_leaks=0 "$seeds" "$corpus"

# Images: the first byte picks the channels the loader is asked for (0: 1, 1: 3, 2: 4).
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
image() {  # $1 = channel byte, $2 = file name, rest = convert arguments
  local channel="$1" name="$2"; shift 2
  convert "$@" "$tmp/$name"
  { printf "\\x$channel"; cat "$tmp/$name"; } > "$corpus/fuzz_image_loader/$name"
}
gradient=(-size 5x3 gradient:red-blue)
image 01 rgb.png "${gradient[@]}" -strip
image 00 grey16.png "${gradient[@]}" -colorspace Gray -depth 16 -strip
image 02 alpha.png "${gradient[@]}" -alpha set -channel A -evaluate set 50% +channel -strip
image 01 palette.png "${gradient[@]}" -colors 4 -type Palette -strip
image 01 baseline.jpg "${gradient[@]}" -quality 80 -strip
image 00 progressive.jpg "${gradient[@]}" -interlace JPEG -quality 80 -strip
image 01 rotated.jpg "${gradient[@]}" -quality 80 -strip -orient RightTop
image 02 animated.gif -size 4x3 xc:red xc:blue -loop 0
image 01 rgb.bmp "${gradient[@]}"
image 00 grey.pgm "${gradient[@]}" -colorspace Gray -depth 8
image 02 rgb.ppm "${gradient[@]}" -depth 8
image 01 grey16.pgm "${gradient[@]}" -colorspace Gray -depth 16  # refused: stb misreads 16-bit PNM
du -sh "$corpus"
