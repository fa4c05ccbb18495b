// The GIMP pattern reader (engine/data/gimp_pattern.h, the style demo's
// seamless tiles) on any file: it never crashes, and an accepted pattern has
// the asked-for channels, at most max_pixels pixels and values in [0, 1].
// The first byte picks the channels (1, 3 or 4); the rest is the file.
#include <cstddef>
#include <cstdint>

#include "engine/data/gimp_pattern.h"
#include "tests/fuzz/decoded_image_check.h"
#include "tests/fuzz/fuzz_check.h"

namespace {
constexpr int kFuzzMaxPixels = 64 * 64;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const int channel_choices[3] = {1, 3, 4};
  const int channels = channel_choices[data[0] % 3];
  GimpPatternResult result = load_gimp_pattern(data + 1, size - 1, channels, kFuzzMaxPixels);
  if (!result.ok) {
    FUZZ_CHECK(result.error.rfind("gimp pattern: ", 0) == 0);
    return 0;
  }
  check_decoded_image(result.image, channels, kFuzzMaxPixels);
  return 0;
}
