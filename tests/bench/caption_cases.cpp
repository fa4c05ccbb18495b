// The captioning demo's two costs (issue 12, "Performance"):
// - one training step of Show, Attend and Tell (demos/captioning/captioner.h,
//   default CaptionerSize) as CaptionTrainer::step takes it: forward,
//   backward, global-norm clip at 5, Adam at 2e-3, on a fixed batch of 32
//   random images and 12-token captions (<start>, 10 random words, <end>; no
//   padding, so tfjs needs no mask). The scene rendering CaptionTrainer also
//   does per step is left out: it is not the model's cost;
// - captioning one image as CaptionDemo::sync_caption does it (encode,
//   beam 5 to the demo's 17-token limit, then the replay that reads each
//   word's attention map), ours only.
// tools/bench_tfjs.js builds the same model for the training step from `params`.
#include <cstdlib>
#include <limits>
#include <memory>

#include "demos/captioning/caption_decoding.h"
#include "demos/captioning/captioner.h"
#include "demos/captioning/vocabulary.h"
#include "engine/optim/adam.h"
#include "engine/optim/clipping.h"
#include "tests/bench/bench_case.h"

namespace {

std::string str(int x) { return std::to_string(x); }

constexpr int kBatch = 32, kCaptionTokens = 12;
constexpr float kLearningRate = 2e-3f, kMaxGradientNorm = 5.0f;  // CaptionTrainingSettings' defaults

// Random pixels in [0, 1), [count, 3, 64, 64].
Tensor random_images(int count, Pcg32& rng) {
  const int side = ImageEncoder::kImageSide;
  Tensor images(Shape{count, 3, side, side});
  for (int i = 0; i < images.size(); ++i) images[i] = rng.uniform();
  return images;
}

// <start>, random words (never a special token), <end>.
CaptionBatch random_batch(int count, int tokens, uint64_t seed) {
  Pcg32 rng(seed);
  CaptionBatch batch;
  batch.images = random_images(count, rng);
  const uint32_t words = static_cast<uint32_t>(Vocabulary::captions().size() - (kUnk + 1));
  for (int b = 0; b < count; ++b) {
    std::vector<int> caption{kStart};
    for (int t = 0; t < tokens - 2; ++t) caption.push_back(kUnk + 1 + static_cast<int>(rng.below(words)));
    caption.push_back(kEnd);
    batch.captions.push_back(caption);
  }
  return batch;
}

std::string size_json(const Captioner& model) {
  const CaptionerSize& s = model.size();
  return "\"vocabulary\": " + str(model.vocabulary_size()) + ", \"embedding\": " + str(s.embedding) +
         ", \"hidden\": " + str(s.hidden) + ", \"attention\": " + str(s.attention) + ", \"conv\": [" +
         str(s.encoder.conv1) + ", " + str(s.encoder.conv2) + ", " + str(s.encoder.conv3) +
         "], \"depth\": " + str(s.encoder.depth) + ", \"parameters\": " + std::to_string(model.parameter_count());
}

BenchCase train_step_case() {
  const Captioner probe(CaptionModel::attention, 7);
  const std::string label = "attention batch " + str(kBatch) + " length " + str(kCaptionTokens) + ", " +
                            std::to_string(probe.parameter_count()) + " parameters";
  BenchCase c{"caption_train_step", label, "ms", 1,
              "{\"batch\": " + str(kBatch) + ", \"length\": " + str(kCaptionTokens) + ", " + size_json(probe) +
                  ", \"penalty\": " + std::to_string(probe.penalty_weight) + ", \"learning_rate\": 0.002" +
                  ", \"max_gradient_norm\": 5}",
              "ours", nullptr};
  c.prepare = []() -> std::function<void()> {
    struct State {
      Captioner model{CaptionModel::attention, 7};
      std::vector<Parameter*> parameters = model.parameters();
      Adam optimizer{parameters, kLearningRate};
      CaptionBatch batch = random_batch(kBatch, kCaptionTokens, 12);
      Tape tape;
    };
    auto s = std::make_shared<State>();
    for (Parameter* p : s->parameters)
      if (p->grad.empty()) p->grad = Tensor(p->value.shape());
    // CaptionTrainer::step without the scene rendering.
    return [s] {
      s->tape.clear();
      s->optimizer.zero_grad();
      Var loss = s->model.loss(s->tape, s->batch);
      if (!loss.ok() || !s->tape.backward(loss)) return;
      clip_grad_norm(s->parameters, kMaxGradientNorm);
      s->optimizer.step();
      s->tape.clear();
    };
  };
  return c;
}

// An untrained model would end its captions at a point that depends on its
// seed, so <end> is given probability 0: every hypothesis runs to the limit
// and the work is fixed, 1 + 5 x 16 = 81 steps in the search plus 17 in the
// replay. A trained model usually ends earlier, so this is the worst case of
// the demo's default length limit.
BenchCase beam_case(int width) {
  const int limit = DecodeSettings{}.max_length;
  const std::string label = "attention 64x64 beam " + str(width) + ", always " + str(limit) + " tokens (<end> masked)";
  BenchCase c{"caption_beam5", label, "ms", 1,
              "{\"beam_width\": " + str(width) + ", \"max_length\": " + str(limit) + "}", "ours", nullptr};
  c.prepare = [width]() -> std::function<void()> {
    struct State {
      Captioner model{CaptionModel::attention, 7};
      Tensor image;
    };
    auto s = std::make_shared<State>();
    Pcg32 rng(5);
    s->image = random_images(1, rng);
    return [s, width] {
      // CaptionModels::source, then decode_caption as sync_caption calls it.
      const Captioner* model = &s->model;
      auto context = std::make_shared<CaptionContext>(model->encode(s->image));
      CaptionSource source;
      source.initial_state = model->initial_state(*context);
      source.step = [model, context](int previous, const std::vector<float>& state, std::vector<float>* attention) {
        DecoderStep out = model->step(*context, previous, state, attention);
        if (!out.log_probs.empty()) out.log_probs[kEnd] = -std::numeric_limits<float>::infinity();
        return out;
      };
      DecodeSettings settings;
      settings.method = DecodeMethod::beam;
      settings.beam_width = width;
      const CaptionResult result = decode_caption(source, settings);
      if (!result.error.empty() || result.tokens.size() != static_cast<size_t>(settings.max_length))
        std::abort();  // the fixed amount of work is the point of the case
    };
  };
  return c;
}

}  // namespace

std::vector<BenchCase> caption_cases() { return {train_step_case(), beam_case(5)}; }
