// What a decoder's image must be whatever the input: [1, channels, H, W] within
// the pixel limit, every value in [0, 1] (the image loader and the GIMP pattern
// reader make the same promise).
#pragma once

#include <cstdint>

#include "engine/tensor.h"
#include "tests/fuzz/fuzz_check.h"

inline void check_decoded_image(const Tensor& image, int channels, int max_pixels) {
  const Shape& shape = image.shape();
  FUZZ_CHECK(shape.rank == 4 && shape[0] == 1 && shape[1] == channels);
  FUZZ_CHECK(static_cast<int64_t>(shape[2]) * shape[3] <= max_pixels);
  for (int i = 0, end = image.size(); i < end; ++i) FUZZ_CHECK(image[i] >= 0.0f && image[i] <= 1.0f);
}
