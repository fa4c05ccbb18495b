// The language model's training chunk (demos/softmax_temperature): the
// browser tab's unit of work, 8 text streams x 16 characters through the
// 128-unit GRU, backward through time, clipping and one Adam step. It must
// fit a frame (issue 15), so it is timed in ms per chunk.
#include <memory>

#include "demos/softmax_temperature/char_language_model.h"
#include "demos/softmax_temperature/char_lm_training.h"
#include "demos/softmax_temperature/language_model_panel.h"
#include "engine/random.h"
#include "tests/bench/bench_case.h"

namespace {

BenchCase gru_chunk_case() {
  constexpr int kHidden = LanguageModelPanel::kHiddenSize, kBatch = 8, kSteps = 16;
  BenchCase c{"gru_train_chunk", "hidden 128, 8 x 16 chars", "ms", 1,
              "{\"hidden\": 128, \"vocabulary\": 96, \"batch\": 8, \"steps\": 16}", "ours", nullptr};
  c.prepare = []() -> std::function<void()> {
    struct State {
      std::vector<int> ids;  // seeded characters: the cost does not depend on the text
      CharLanguageModel model{kHidden, 1};
      std::unique_ptr<CharLmTrainer> trainer;
    };
    auto s = std::make_shared<State>();
    Pcg32 rng(3);
    for (int i = 0; i < 20000; ++i) s->ids.push_back(static_cast<int>(rng.below(char_vocabulary::kSize)));
    TrainerSettings settings;
    settings.batch = kBatch;
    settings.steps = kSteps;
    s->trainer = std::make_unique<CharLmTrainer>(s->model, s->ids, settings);
    return [s] { s->trainer->train_step(); };
  };
  return c;
}

}  // namespace

std::vector<BenchCase> recurrent_cases() { return {gru_chunk_case()}; }
