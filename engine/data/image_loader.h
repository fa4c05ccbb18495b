// Decodes PNG, JPEG, BMP, GIF (first frame) and PNM images into a float
// tensor [1, C, H, W] with values in [0, 1] (byte / 255), using stb_image.
//
// Untrusted input never crashes or exhausts memory or time:
// - the header is read first and images over max_pixels are rejected before
//   any pixel buffer is allocated;
// - every stb allocation counts against a budget derived from the declared
//   size (decode_budget.h), so a decompression bomb fails after a few MB;
// - a JPEG's markers are walked first: more than kMaxJpegScans scans (each a
//   full pass over the image), a truncated file, 4 components without the
//   Adobe marker that says how to read them, and Huffman tables stb_image
//   2.27 would overrun (over 256 codes, or used before being defined) are
//   refused; so are PNM header numbers past 2^24 (docs/fuzzing.md);
// - empty, truncated and unrecognised data give a message instead.
// JPEG EXIF orientation is applied (exif_orientation.h). 16-bit PNGs keep
// their high byte; 16-bit PGM / PPM files are refused (stb_image misreads
// them). A transparent image asked for without alpha (1 or 3 channels) is
// composited onto white, as a page would show it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/data/decode_budget.h"
#include "engine/tensor.h"

struct ImageResult {
  bool ok = false;
  std::string error;  // "image: ..." when !ok
  Tensor image;       // [1, channels, H, W], float in [0, 1]
  std::string note;   // when ok, what the user should know, e.g. "image: the GIF is animated (12 frames); ..."
};

constexpr int kDefaultMaxImagePixels = 4096 * 4096;
constexpr int kMaxJpegScans = 100;  // progressive JPEGs use about 10; 100 bounds stb's passes

// `channels` is what the caller wants, whatever the file holds: 1 (grey),
// 3 (RGB) or 4 (RGBA); stb_image converts (grey -> RGB repeats the value,
// RGB -> grey uses ITU-R BT.601 luma, a missing alpha is opaque).
ImageResult load_image(const uint8_t* data, size_t size, int channels, int max_pixels = kDefaultMaxImagePixels);
ImageResult load_image_file(const std::string& path, int channels, int max_pixels = kDefaultMaxImagePixels);

// The memory budget of the last decode on this thread and the most it held
// (for tests and diagnostics; see decode_budget.h).
DecodeMemoryStats last_image_decode_memory();
