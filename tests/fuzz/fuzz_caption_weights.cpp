// The captioners' weights loader (demos/captioning/caption_weights.h: both
// models in one DLPW file) on any file: it never crashes, a refusal starts
// "caption weights: " and leaves both models untouched, and a loaded pair
// saves to a file that loads again. A leading mode byte can fix the CRC
// first (fuzz_crc.h).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "demos/captioning/caption_weights.h"
#include "tests/fuzz/fuzz_caption_weights.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_crc.h"

namespace {

std::vector<float> values_of(Captioner& show_tell, Captioner& attention) {
  std::vector<float> values;
  for (Captioner* model : {&show_tell, &attention})
    for (Parameter* p : model->parameters())
      for (int i = 0; i < p->value.size(); ++i) values.push_back(p->value[i]);
  return values;
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

}  // namespace

// Built once: constructing two captioners costs more than a load.
struct Models {
  Captioner show_tell{CaptionModel::show_tell, 1, tiny_captioner_size()};
  Captioner attention{CaptionModel::attention, 2, tiny_captioner_size()};
  std::vector<uint8_t> initial_file = save_captioners(show_tell, attention);
  std::vector<float> initial_values = values_of(show_tell, attention);
};

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Models models;
  const std::vector<uint8_t> file = file_with_mode(data, size);
  LoadResult result = load_captioners(file.data(), file.size(), models.show_tell, models.attention);
  if (!result.ok) {
    FUZZ_CHECK(result.error.rfind("caption weights: ", 0) == 0);
    FUZZ_CHECK(same_bits(values_of(models.show_tell, models.attention), models.initial_values));
    return 0;
  }
  const std::vector<uint8_t> saved = save_captioners(models.show_tell, models.attention);
  const std::vector<float> loaded = values_of(models.show_tell, models.attention);
  // Back to the start for the next input, through the same loader.
  FUZZ_CHECK(load_captioners(models.initial_file.data(), models.initial_file.size(), models.show_tell,
                             models.attention).ok);
  FUZZ_CHECK(load_captioners(saved.data(), saved.size(), models.show_tell, models.attention).ok);
  FUZZ_CHECK(same_bits(values_of(models.show_tell, models.attention), loaded));
  FUZZ_CHECK(load_captioners(models.initial_file.data(), models.initial_file.size(), models.show_tell,
                             models.attention).ok);
  return 0;
}
