// tests/demos/softmax_temperature/language_model_panel_test.cpp: the shipped
// weights' held-out loss, and the language-model tab as the demo drives it:
// loading (real and corrupt weights), URL state, sampling, and training in
// time slices.
#include "demos/softmax_temperature/language_model_panel.h"

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <string>

#include "demos/assets.h"
#include "demos/softmax_temperature/char_lm_training.h"
#include "engine/io/bytes.h"
#include "engine/io/weights.h"
#include "tests/heap_growth.h"

namespace {

// The build's copies of assets/char-gru.dlpw and the text (CMakeLists.txt
// defines the folder: build/data natively, a folder embedded in the wasm binary).
std::vector<uint8_t> test_data(const std::string& name) {
  std::vector<uint8_t> bytes;
  std::string error;
  const bool read = read_whole_file(std::string(PLAYGROUND_DATA_DIR) + "/" + name, size_t{1} << 26, bytes, error);
  INFO(error);
  REQUIRE(read);
  return bytes;
}

std::map<std::string, std::vector<uint8_t>> g_files;

// Serves g_files; any other name fails as a missing download does.
AssetStatus stand_in_backend(const std::string& name) {
  AssetStatus status;
  auto found = g_files.find(name);
  if (found == g_files.end()) {
    status.state = AssetStatus::State::Failed;
    status.error = "could not download " + name + " (HTTP 404)";
  } else {
    status.state = AssetStatus::State::Ready;
    status.progress = 1;
    status.bytes = &found->second;
  }
  return status;
}

struct StandInAssets {
  explicit StandInAssets(std::map<std::string, std::vector<uint8_t>> files) {
    g_files = std::move(files);
    set_asset_backend(stand_in_backend);
  }
  ~StandInAssets() { set_asset_backend(nullptr); }
};

struct PanelLike {
  LanguageModelPanel panel;
  StateFields fields;
  PanelLike() {
    panel.declare_state(fields);
    fields.reset_all();
    panel.state_loaded();
  }
  // Frames of `checks` units of work each: counted, so a slow machine sees the same frames.
  void frames(int count, int checks = 20) {
    for (int i = 0; i < count; ++i) panel.step(StepBudget::for_checks(checks), true);
  }
  std::map<std::string, double> status() const {
    DemoReport report;
    panel.report(report);
    return {report.numbers.begin(), report.numbers.end()};
  }
};

// The held-out loss measured when the shipped weights were trained
// (docs/char-language-model.md), with a margin for float differences.
constexpr double kShippedHeldOutBound = 1.30;  // measured 1.2001

}  // namespace

TEST_CASE("the shipped language model's held-out loss is below the stated bound (nats per character)") {
  const std::vector<uint8_t> weights = test_data("char-gru.dlpw");
  const std::vector<uint8_t> text = test_data("pride-and-prejudice.txt");
  CharLanguageModel model(LanguageModelPanel::kHiddenSize, LanguageModelPanel::kSeed);
  const LoadResult loaded = load_weights(weights.data(), weights.size(), model.parameters());
  INFO(loaded.error);
  REQUIRE(loaded.ok);
  CHECK(weights.size() < 500 * 1024);  // "a few hundred KB at most"
  const TextSplit split = split_text(std::string(text.begin(), text.end()));
  CHECK(split.held_out.size() > 50000);
  const double loss = held_out_loss(model, split.held_out);
  MESSAGE("shipped weights: held-out loss " << loss << " nats/char");
  CHECK(loss < kShippedHeldOutBound);
  CHECK(loss > 0.5);  // a far lower value would mean the held-out text leaked into training
}

TEST_CASE("the panel loads nothing until its tab is shown") {
  StandInAssets assets({});
  PanelLike m;
  m.panel.step(StepBudget::for_checks(20), false);
  CHECK(m.status()["lm_loaded"] == 0);
  CHECK(m.status()["lm_load_failed"] == 0);  // not even asked
}

TEST_CASE("corrupt or missing weights are rejected with a message, never used") {
  std::vector<uint8_t> corrupt = test_data("char-gru.dlpw");
  corrupt[corrupt.size() / 2] ^= 0x40;  // one flipped bit: the checksum no longer matches
  for (bool missing : {false, true}) {
    StandInAssets assets(missing ? std::map<std::string, std::vector<uint8_t>>{}
                                 : std::map<std::string, std::vector<uint8_t>>{{"data/char-gru.dlpw", corrupt}});
    PanelLike m;
    m.frames(3);
    CHECK(m.status()["lm_loaded"] == 0);
    CHECK(m.status()["lm_load_failed"] == 1);
    CHECK(m.status().count("lm_heldout_loss") == 0);
  }
}

TEST_CASE("the prompt in a link must be printable ASCII of at most 200 characters") {
  PanelLike m;
  const StateField* prompt = m.fields.find("lm_prompt");
  REQUIRE(prompt != nullptr);
  REQUIRE(static_cast<bool>(prompt->text_valid));
  CHECK(prompt->text_valid("Mr. Darcy said, \"Indeed!\""));
  CHECK_FALSE(prompt->text_valid("line\nbreak"));
  CHECK_FALSE(prompt->text_valid("caf\xc3\xa9"));
  CHECK(prompt->max_length == 200);
  for (const char* key : {"lm_length", "lm_seed", "lm_bars", "lm_train", "lm_rate"}) CHECK(m.fields.find(key) != nullptr);
}

TEST_CASE("with the shipped files the panel samples, measures the held-out loss and trains in time slices") {
  StandInAssets assets({{"data/char-gru.dlpw", test_data("char-gru.dlpw")},
                        {"data/pride-and-prejudice.txt", test_data("pride-and-prejudice.txt")}});
  PanelLike m;
  m.frames(1);
  CHECK(m.status()["lm_loaded"] == 1);
  for (int i = 0; i < 2000 && m.status().count("lm_heldout_loss") == 0; ++i) m.frames(1);
  REQUIRE(m.status().count("lm_heldout_loss") == 1);
  const double shipped = m.status()["lm_heldout_loss"];
  CHECK(shipped < kShippedHeldOutBound);
  CHECK(m.status()["lm_shipped_heldout_loss"] == shipped);
  CHECK(m.status()["lm_sampled_chars"] == 160);  // the default length, done by now

  m.fields.find("lm_train")->set(1);
  m.frames(20, 4);
  CHECK(m.status()["lm_training"] == 1);
  CHECK(m.status()["lm_steps"] >= 10);  // most frames train a chunk (some measure the held-out loss)
  CHECK(std::isfinite(m.status()["lm_train_loss"]));
  CHECK(m.status()["lm_train_loss"] < 2.5);  // fine-tuning, not starting over
}

TEST_CASE("a link with lm_start=random starts from the untrained model, which then learns") {
  StandInAssets assets({{"data/char-gru.dlpw", test_data("char-gru.dlpw")},
                        {"data/pride-and-prejudice.txt", test_data("pride-and-prejudice.txt")}});
  PanelLike m;
  m.fields.find("lm_start")->set(1);  // "random"
  m.fields.find("lm_rate")->set(3e-3);
  m.panel.state_loaded();
  for (int i = 0; i < 2000 && m.status().count("lm_heldout_loss") == 0; ++i) m.frames(1);
  CHECK(m.status()["lm_from_random"] == 1);
  CHECK(m.status()["lm_heldout_loss"] > 4.0);  // about log(96) = 4.56: it knows nothing yet
  CHECK(m.status().count("lm_shipped_heldout_loss") == 0);
  m.fields.find("lm_train")->set(1);
  m.frames(60, 4);
  CHECK(m.status()["lm_steps"] >= 30);
  CHECK(m.status()["lm_train_loss"] < 3.5);  // letter frequencies at least, within a few hundred steps
}

TEST_CASE("training in the panel stops growing the heap once warm (200 frames, then 300)") {
  StandInAssets assets({{"data/char-gru.dlpw", test_data("char-gru.dlpw")},
                        {"data/pride-and-prejudice.txt", test_data("pride-and-prejudice.txt")}});
  PanelLike m;
  m.fields.find("lm_train")->set(1);
  const double steps_before = m.status()["lm_steps"];
  const HeapGrowth growth = heap_growth(200, 300, [&] { m.frames(1, 4); });
  const double steps = m.status()["lm_steps"] - steps_before;
  MESSAGE("heap: " << growth.warm_peak << " bytes at the warm-up's peak, " << growth.grown()
                   << " more at the peak of the next 300 frames; " << steps << " chunks trained in all");
  CHECK(steps >= 375);  // most frames train a chunk (some measure the held-out loss)
  CHECK(growth.grown() < kWarmHeapSlack);
}
