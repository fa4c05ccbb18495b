// The DLPW weights reader (engine/io/weights.h) on any file: it never
// crashes, a refused file leaves every parameter bit for bit as it was and
// says why, and an accepted one saves and loads again. A leading mode byte
// can fix the CRC first (fuzz_crc.h).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "engine/io/weights.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_crc.h"
#include "tests/fuzz/fuzz_weights_model.h"

namespace {

std::vector<float> values_of(FuzzModel& model) {
  std::vector<float> values;
  for (Parameter* p : model.all())
    for (int i = 0; i < p->value.size(); ++i) values.push_back(p->value[i]);
  return values;
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::vector<uint8_t> file = file_with_mode(data, size);
  FuzzModel model;
  const std::vector<float> before = values_of(model);
  LoadResult result = load_weights(file.data(), file.size(), model.all());
  if (!result.ok) {
    FUZZ_CHECK(result.error.rfind("weights: ", 0) == 0);
    FUZZ_CHECK(same_bits(values_of(model), before));
    return 0;
  }
  const std::vector<Parameter*> params = model.all();
  const std::vector<const Parameter*> saved(params.begin(), params.end());
  const std::vector<uint8_t> bytes = save_weights(saved);
  FuzzModel again;
  FUZZ_CHECK(load_weights(bytes.data(), bytes.size(), again.all()).ok);
  FUZZ_CHECK(same_bits(values_of(again), values_of(model)));
  return 0;
}
