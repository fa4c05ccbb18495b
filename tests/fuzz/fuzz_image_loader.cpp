// The image loader (engine/data/image_loader.h: PNG, JPEG, BMP, GIF, PNM
// through stb_image) on any file: it never crashes, stays within its memory
// budget, and an accepted image has the asked-for channels, at most
// max_pixels pixels and every value in [0, 1].
// The first byte picks the channels (1, 3 or 4); the rest is the file.
#include <cstddef>
#include <cstdint>

#include "engine/data/image_loader.h"
#include "tests/fuzz/decoded_image_check.h"
#include "tests/fuzz/fuzz_check.h"

namespace {
constexpr int kFuzzMaxPixels = 64 * 64;  // small, so a huge declared size is refused fast
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const int channel_choices[3] = {1, 3, 4};
  const int channels = channel_choices[data[0] % 3];
  ImageResult result = load_image(data + 1, size - 1, channels, kFuzzMaxPixels);
  if (!result.ok) {
    FUZZ_CHECK(result.error.rfind("image: ", 0) == 0);
    return 0;
  }
  check_decoded_image(result.image, channels, kFuzzMaxPixels);
  return 0;
}
