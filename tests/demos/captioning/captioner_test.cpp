// tests/demos/captioning/captioner_test.cpp: the two captioners' loss (exact
// gradients, padding ignored, the doubly stochastic penalty) and inference
// (attention distributions, no tape, step = loss's forward pass), on tiny models.
#include "demos/captioning/captioner.h"

#include <doctest/doctest.h>

#include <cmath>

#include "demos/captioning/vocabulary.h"
#include "engine/ops/linalg.h"
#include "tests/engine/gradcheck.h"

namespace {

CaptionerSize tiny_size() {
  CaptionerSize size;
  size.embedding = 5;
  size.hidden = 6;
  size.attention = 4;
  size.encoder = {3, 3, 3, 4};
  return size;
}

// Two images and captions of different lengths: <start> words <end>.
CaptionBatch tiny_batch(uint64_t seed) {
  CaptionBatch batch;
  batch.images = random_tensor(Shape{2, 3, 64, 64}, seed, 0.0f, 1.0f);
  const Vocabulary& words = Vocabulary::captions();
  batch.captions = {{kStart, words.id("a"), words.id("red"), words.id("bag"), kEnd},
                    {kStart, words.id("two"), words.id("blue"), words.id("shirts"), words.id("and"), words.id("a"),
                     words.id("coat"), kEnd}};
  return batch;
}

float loss_value(Captioner& model, const CaptionBatch& batch, CaptionLossParts* parts = nullptr) {
  Tape tape;
  Var loss = model.loss(tape, batch, parts);
  REQUIRE_MESSAGE(loss.ok(), tape.error());
  return loss.value().item();
}

}  // namespace

TEST_CASE("the captioners' loss gradient matches finite differences for every parameter") {
  for (CaptionModel kind : {CaptionModel::show_tell, CaptionModel::attention}) {
    CAPTURE(caption_model_name(kind));
    Captioner model(kind, 7, tiny_size());
    const CaptionBatch batch = tiny_batch(3);
    Tape tape;
    for (Parameter* p : model.parameters()) p->grad = Tensor(p->value.shape());
    Var loss = model.loss(tape, batch);
    REQUIRE(tape.backward(loss));
    Pcg32 pick(11);
    int checked = 0;
    for (Parameter* p : model.parameters()) {
      for (int k = 0; k < 3; ++k) {
        const int i = static_cast<int>(pick.below(static_cast<uint32_t>(p->value.size())));
        const float saved = p->value[i], h = 1e-2f;
        p->value[i] = saved + h;
        const double up = loss_value(model, batch);
        p->value[i] = saved - h;
        const double down = loss_value(model, batch);
        p->value[i] = saved;
        const double numeric = (up - down) / (2.0 * static_cast<double>(h));
        const double analytic = p->grad[i];
        CAPTURE(p->name);
        CAPTURE(i);
        CHECK(std::abs(analytic - numeric) <= 3e-2 * std::max(std::abs(analytic), std::abs(numeric)) + 2e-3);
        ++checked;
      }
    }
    CHECK(checked >= 3 * 18);
  }
}

TEST_CASE("padding after <end> changes neither the loss nor its parts") {
  for (CaptionModel kind : {CaptionModel::show_tell, CaptionModel::attention}) {
    Captioner model(kind, 5, tiny_size());
    CaptionBatch batch = tiny_batch(4);
    CaptionLossParts plain, padded;
    const float before = loss_value(model, batch, &plain);
    for (std::vector<int>& caption : batch.captions) caption.insert(caption.end(), 6, kPad);
    const float after = loss_value(model, batch, &padded);
    CHECK(before == after);
    CHECK(plain.tokens == padded.tokens);
    CHECK(plain.tokens == 4 + 7);
    CHECK(plain.penalty == padded.penalty);
  }
}

TEST_CASE("the doubly stochastic penalty equals lambda * mean_b sum_i (1 - sum_t alpha_ti)^2") {
  Captioner model(CaptionModel::attention, 9, tiny_size());
  model.penalty_weight = 0.5f;
  const CaptionBatch batch = tiny_batch(5);
  Tape tape;
  std::vector<Var> alphas;
  CaptionLossParts parts;
  Var loss = model.loss(tape, batch, &parts, &alphas);
  REQUIRE(loss.ok());
  REQUIRE(alphas.size() == 7);  // the longer caption's 7 target tokens
  double expected = 0;
  const int real_steps[2] = {4, 7};
  for (int b = 0; b < 2; ++b)
    for (int i = 0; i < ImageEncoder::kCells; ++i) {
      double total = 0;
      for (int t = 0; t < real_steps[b]; ++t) total += alphas[static_cast<size_t>(t)].value()[b * ImageEncoder::kCells + i];
      expected += (1 - total) * (1 - total);
    }
  expected *= 0.5 / 2;
  CHECK(parts.penalty == doctest::Approx(expected).epsilon(1e-5));
  CHECK(loss.value().item() == doctest::Approx(parts.cross_entropy + parts.penalty).epsilon(1e-6));
  // Show and Tell has no attention and no penalty.
  Captioner plain(CaptionModel::show_tell, 9, tiny_size());
  CaptionLossParts plain_parts;
  loss_value(plain, batch, &plain_parts);
  CHECK(plain_parts.penalty == 0.0f);
}

TEST_CASE("attention weights form a distribution over the 64 cells at every step") {
  for (uint64_t seed = 1; seed <= 3; ++seed) {
    Captioner model(CaptionModel::attention, seed, tiny_size());
    const CaptionContext context = model.encode(random_tensor(Shape{1, 3, 64, 64}, seed, 0.0f, 1.0f));
    REQUIRE(context.ok());
    std::vector<float> state = model.initial_state(context);
    int token = kStart;
    for (int t = 0; t < 10; ++t) {
      std::vector<float> attention;
      float beta = -1;
      const DecoderStep out = model.step(context, token, state, &attention, &beta);
      REQUIRE(attention.size() == ImageEncoder::kCells);
      double total = 0;
      for (float a : attention) {
        CHECK(a >= 0.0f);
        total += a;
      }
      CHECK(total == doctest::Approx(1.0).epsilon(1e-5));
      CHECK(beta > 0.0f);
      CHECK(beta < 1.0f);
      double probability = 0;
      for (float lp : out.log_probs) probability += std::exp(static_cast<double>(lp));
      CHECK(probability == doctest::Approx(1.0).epsilon(1e-5));
      state = out.state;
      token = 4 + t;
    }
  }
}

TEST_CASE("a decoding step gives the loss's own log-probabilities for the first word") {
  for (CaptionModel kind : {CaptionModel::show_tell, CaptionModel::attention}) {
    Captioner model(kind, 12, tiny_size());
    CaptionBatch batch;
    batch.images = random_tensor(Shape{1, 3, 64, 64}, 8, 0.0f, 1.0f);
    const int word = Vocabulary::captions().id("bag");
    batch.captions = {{kStart, word}};
    CaptionLossParts parts;
    loss_value(model, batch, &parts);
    const CaptionContext context = model.encode(batch.images);
    const DecoderStep out = model.step(context, kStart, model.initial_state(context));
    REQUIRE(out.log_probs.size() == static_cast<size_t>(model.vocabulary_size()));
    CHECK(-out.log_probs[static_cast<size_t>(word)] == doctest::Approx(parts.cross_entropy).epsilon(1e-5));
  }
}

TEST_CASE("bad inputs give an empty step or a failed loss with a message") {
  Captioner model(CaptionModel::attention, 1, tiny_size());
  CHECK_FALSE(model.encode(Tensor(Shape{1, 3, 32, 32})).ok());
  const CaptionContext context = model.encode(random_tensor(Shape{1, 3, 64, 64}, 2, 0.0f, 1.0f));
  CHECK(model.step(context, kStart, {1.0f, 2.0f}).log_probs.empty());
  CHECK(model.step(context, 999, model.initial_state(context)).log_probs.empty());
  CaptionBatch batch = tiny_batch(1);
  batch.captions[0][2] = 999;
  Tape tape;
  CHECK_FALSE(model.loss(tape, batch).ok());
  CHECK(tape.error().find("vocabulary") != std::string::npos);
}
