// The URL-hash codec (app/url_state.h) on any hash a link could carry: it
// never crashes, every applied value is in its field's range, and what it
// applied encodes and decodes back to the same values.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/url_state.h"
#include "demos/captioning/scene_edits.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

// A few fields of each kind, like a demo declares (demos/state_fields.h).
struct FuzzState {
  float rate = 0, noise = 0;
  int seed = 0, layers = 0, data = 0;
  bool run = false;
  std::string objects, label;
  StateFields fields;

  FuzzState() {
    fields.number("rate", &rate, 0.03f, 0.0001f, 10.0f);
    fields.number("noise", &noise, 0, -1, 1);
    fields.integer("seed", &seed, 7, 0, 1000);
    fields.integer("layers", &layers, 2, 1, 6);
    fields.boolean("run", &run, false);
    fields.choice("data", &data, {"xor", "circle", "spiral"}, 1);
    fields.text("objects", &objects, "", 96, objects_text_valid);  // the captioning demo's scene
    fields.text("label", &label, "hello", 16, [](const std::string& s) { return s.find('x') == std::string::npos; });
  }
};

void check_ranges(const FuzzState& s) {
  for (const StateField& f : s.fields.all()) {
    if (f.type == FieldType::Number || f.type == FieldType::Integer) FUZZ_CHECK(f.value() >= f.min && f.value() <= f.max);
    if (f.type == FieldType::Choice) FUZZ_CHECK(f.value() >= 0 && f.value() < static_cast<double>(f.choices.size()));
    if (f.type == FieldType::Text) FUZZ_CHECK(f.text->size() <= f.max_length && f.text_valid(*f.text));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view hash(reinterpret_cast<const char*>(data), size);
  FuzzState state;
  url_state::ParsedHash parsed = url_state::parse_hash(hash);
  FUZZ_CHECK(parsed.pairs.size() <= url_state::kMaxPairs);
  url_state::apply_pairs(parsed.pairs, state.fields);
  check_ranges(state);

  // Round trip: the encoded state reads back to the same values, with no notice.
  const std::string encoded = url_state::encode_state(parsed.demo.empty() ? "demo" : parsed.demo, state.fields);
  FuzzState again;
  url_state::ParsedHash reparsed = url_state::parse_hash(encoded);
  FUZZ_CHECK(reparsed.notices.empty());
  FUZZ_CHECK(url_state::apply_pairs(reparsed.pairs, again.fields).empty());
  for (size_t i = 0; i < state.fields.all().size(); ++i) {
    const StateField& a = state.fields.all()[i];
    const StateField& b = again.fields.all()[i];
    if (a.type == FieldType::Text) FUZZ_CHECK(*a.text == *b.text);
    else FUZZ_CHECK(a.value() == b.value());
  }
  return 0;
}
