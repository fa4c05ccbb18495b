// The image-asset reader (engine/data/image_asset.h, "DLPI") on any file: it
// never crashes, a refusal says "image asset: ...", and an accepted asset is
// consistent and encodes back to exactly the bytes it was read from (the
// format has one spelling of each asset). A leading mode byte can fix the CRC
// first (fuzz_crc.h).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/data/image_asset.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_crc.h"

namespace {
void check_set(const ImageSet& set, size_t class_count) {
  FUZZ_CHECK(set.pixels.size() == static_cast<size_t>(set.count) * set.rows * set.cols);
  FUZZ_CHECK(set.labels.size() == static_cast<size_t>(set.count));
  for (uint8_t label : set.labels) FUZZ_CHECK(label < class_count);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::vector<uint8_t> file = file_with_mode(data, size);
  ImageAssetResult result = parse_image_asset(file.data(), file.size());
  if (!result.ok) {
    FUZZ_CHECK(result.error.rfind("image asset: ", 0) == 0);
    return 0;
  }
  check_set(result.asset.train, result.asset.class_names.size());
  check_set(result.asset.test, result.asset.class_names.size());
  FUZZ_CHECK(encode_image_asset(result.asset) == file);
  return 0;
}
