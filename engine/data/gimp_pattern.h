// GIMP patterns (.pat, from Debian's gimp-data): seamless tiles used as
// style images. The format (GIMP's devel-docs/pat.txt), all big-endian:
//   uint32 header_size   bytes of this header, the name included
//   uint32 version       1
//   uint32 width, height pixels
//   uint32 bytes         per pixel: 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA
//   char   magic[4]      "GPAT"
//   char   name[]        UTF-8, NUL-terminated, to the end of the header
// then width * height * bytes raw 8-bit pixels, row by row.
// Every field is checked against the data before use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/tensor.h"

struct GimpPatternResult {
  bool ok = false;
  std::string error;  // "gimp pattern: ..." when !ok
  Tensor image;       // [1, channels, H, W], float in [0, 1]
  std::string name;   // e.g. "Leopard"
};

constexpr int kMaxGimpPatternPixels = 4096 * 4096;

// `channels` as for load_image: 1, 3 or 4; grey is repeated into RGB, RGB
// becomes grey by stb_image's luma (77 R + 150 G + 29 B) / 256, and alpha the
// caller does not ask for is composited onto white.
GimpPatternResult load_gimp_pattern(const uint8_t* data, size_t size, int channels,
                                    int max_pixels = kMaxGimpPatternPixels);
GimpPatternResult load_gimp_pattern_file(const std::string& path, int channels,
                                         int max_pixels = kMaxGimpPatternPixels);
