// The language model's text asset as the temperature demo reads it
// (demos/softmax_temperature/char_lm_training.h: split_text, then the
// parallel streams of truncated BPTT) on any bytes the file could hold: it
// never crashes, every id is in the character vocabulary, the split keeps
// every known character once, and the streams stay inside the text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "demos/softmax_temperature/char_lm_training.h"
#include "tests/fuzz/fuzz_check.h"

namespace {
void check_ids(const std::vector<int>& ids) {
  for (int id : ids) FUZZ_CHECK(id >= 0 && id < char_vocabulary::kSize);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::vector<int> encoded = char_vocabulary::encode(text);
  check_ids(encoded);
  FUZZ_CHECK(char_vocabulary::covers(text) == (encoded.size() == text.size()));

  const TextSplit split = split_text(text);
  check_ids(split.train);
  check_ids(split.held_out);
  FUZZ_CHECK(split.train.size() + split.held_out.size() == encoded.size());

  // One pass of small streams over each part, as the trainer and evaluator walk them.
  for (const std::vector<int>* ids : {&split.train, &split.held_out}) {
    StreamBatcher batcher(*ids, 3, 5);
    if (!batcher.usable()) continue;
    for (int chunk = 0; chunk < batcher.chunks_per_pass(); ++chunk) {
      const SequenceChunk next = batcher.next();
      FUZZ_CHECK(next.inputs.size() == next.targets.size());
      for (const std::vector<int>& step : next.inputs) check_ids(step);
      for (const std::vector<int>& step : next.targets) check_ids(step);
    }
  }
  return 0;
}
