// The captioning demo's tokeniser (demos/captioning/vocabulary.h) on any text
// a user can type into the retrieval query or the VQA question: it never
// crashes, ids are in the vocabulary, at most kMaxQueryWords are kept, the
// unknown words are counted, and detokenising gives back known words only.
#include <cstddef>
#include <cstdint>
#include <string>

#include "demos/captioning/vocabulary.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const Vocabulary* vocabulary : {&Vocabulary::captions(), &Vocabulary::questions()}) {
    const TokenisedText tokens = vocabulary->tokenise(text);
    FUZZ_CHECK(tokens.ids.size() <= static_cast<size_t>(kMaxQueryWords));
    int unknown = 0;
    for (int id : tokens.ids) {
      FUZZ_CHECK(id >= 0 && id < vocabulary->size());
      unknown += id == kUnk;
    }
    FUZZ_CHECK(unknown == tokens.unknown_count);
    FUZZ_CHECK(tokens.unknown_words.size() == static_cast<size_t>(tokens.unknown_count));
    FUZZ_CHECK(tokens.ids.empty() == (tokens.notice == "the text has no words"));
    const std::string words = vocabulary->detokenise(tokens.ids);
    FUZZ_CHECK(words.size() <= text.size() + 8 * tokens.ids.size());
  }
  return 0;
}
