// Decodes PNG, JPEG, BMP, GIF (first frame) and PNM images into a float
// tensor [1, C, H, W] with values in [0, 1] (byte / 255), using stb_image.
//
// Untrusted input never crashes or exhausts memory: the header is read first
// and images over max_pixels are rejected before any pixel buffer is
// allocated; empty, truncated and unrecognised data give a message instead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/tensor.h"

struct ImageResult {
  bool ok = false;
  std::string error;  // "image: ..." when !ok
  Tensor image;       // [1, channels, H, W], float in [0, 1]
};

constexpr int kDefaultMaxImagePixels = 4096 * 4096;

// `channels` is what the caller wants, whatever the file holds: 1 (grey),
// 3 (RGB) or 4 (RGBA); stb_image converts (grey -> RGB repeats the value,
// RGB -> grey uses ITU-R BT.601 luma, a missing alpha is opaque).
ImageResult load_image(const uint8_t* data, size_t size, int channels, int max_pixels = kDefaultMaxImagePixels);
ImageResult load_image_file(const std::string& path, int channels, int max_pixels = kDefaultMaxImagePixels);
