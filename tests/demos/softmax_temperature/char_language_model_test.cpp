// tests/demos/softmax_temperature/char_language_model_test.cpp: the character
// GRU language model: vocabulary, exact gradients of the sequence loss,
// training that lowers the loss, sampling that follows softmax(z / T) and is
// greedy at T -> 0, and the stream batching of truncated BPTT.
#include "demos/softmax_temperature/char_language_model.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "demos/softmax_temperature/char_lm_training.h"
#include "engine/ops/softmax.h"

namespace {

// A chunk of B streams over `text`, stream b starting at character 7 b.
SequenceChunk chunk_of(const std::string& text, int batch, int steps) {
  const std::vector<int> ids = char_vocabulary::encode(text);
  SequenceChunk chunk;
  for (int t = 0; t < steps; ++t) {
    chunk.inputs.emplace_back();
    chunk.targets.emplace_back();
    for (int b = 0; b < batch; ++b) {
      chunk.inputs.back().push_back(ids[static_cast<size_t>(7 * b + t)]);
      chunk.targets.back().push_back(ids[static_cast<size_t>(7 * b + t + 1)]);
    }
  }
  return chunk;
}

double loss_of(CharLanguageModel& model, const SequenceChunk& chunk, const Tensor& start_state) {
  Tape tape;
  NoGradScope no_grad(tape);
  Tensor state = start_state.clone();
  Var loss = model.chunk_loss(tape, chunk, state);
  REQUIRE(loss.ok());
  return static_cast<double>(loss.value().item());
}

const char* kSample = "It is a truth universally acknowledged, that a single man in possession of a good fortune.";

}  // namespace

TEST_CASE("the vocabulary is newline plus printable ASCII, and round-trips") {
  CHECK(char_vocabulary::kSize == 96);
  for (int id = 0; id < char_vocabulary::kSize; ++id)
    CHECK(char_vocabulary::index_of(char_vocabulary::character(id)) == id);
  CHECK(char_vocabulary::index_of('\t') == -1);
  CHECK(char_vocabulary::index_of('\xe9') == -1);  // a Latin-1 accent
  CHECK(char_vocabulary::covers("Mr. Darcy!\n"));
  CHECK_FALSE(char_vocabulary::covers("caf\xc3\xa9"));
  CHECK(char_vocabulary::encode("a\tb").size() == 2);  // characters outside are skipped
}

TEST_CASE("the sequence loss's parameter gradients match finite differences (tiny model)") {
  CharLanguageModel model(4, 3);
  const SequenceChunk chunk = chunk_of(kSample, 2, 5);
  Tensor start = Tensor(Shape{2, 4}, 0.3f);  // a carried state, not only zeros
  Tape tape;
  Tensor state = start.clone();
  Var loss = model.chunk_loss(tape, chunk, state);
  REQUIRE(tape.backward(loss));
  const float h = 1e-2f;
  int checked = 0;
  for (Parameter* p : model.parameters()) {
    // Every element of the small tensors, a spread of the rest (w_input is mostly unused rows).
    const int stride = p->value.size() > 200 ? 7 : 1;
    for (int i = 0; i < p->value.size(); i += stride) {
      const float saved = p->value[i];
      p->value[i] = saved + h;
      const double plus = loss_of(model, chunk, start);
      p->value[i] = saved - h;
      const double minus = loss_of(model, chunk, start);
      p->value[i] = saved;
      const double numeric = (plus - minus) / (2 * static_cast<double>(h));
      const double analytic = p->grad[i];
      INFO(p->name << "[" << i << "]: analytic " << analytic << ", numeric " << numeric);
      CHECK(std::abs(analytic - numeric) <= 2e-2 * std::max(std::abs(analytic), std::abs(numeric)) + 1e-3);
      ++checked;
    }
  }
  CHECK(checked > 100);
}

TEST_CASE("the carried state leaves chunk_loss as the state after the chunk, detached") {
  CharLanguageModel model(8, 5);
  const SequenceChunk chunk = chunk_of(kSample, 3, 6);
  Tape tape;
  Tensor state;  // empty: starts from zeros
  Var loss = model.chunk_loss(tape, chunk, state);
  REQUIRE(loss.ok());
  CHECK(state.shape() == Shape{3, 8});
  // Reading the same characters one stream at a time ends in the same state.
  Tensor stream_state;
  std::vector<float> logits;
  std::string stream0;
  for (int t = 0; t < chunk.steps(); ++t) stream0 += char_vocabulary::character(chunk.inputs[t][0]);
  model.read(stream0, stream_state, logits);
  for (int j = 0; j < 8; ++j) CHECK(state[j] == doctest::Approx(stream_state[j]).epsilon(1e-5));
}

TEST_CASE("training steps lower the loss on the text they see") {
  CharLanguageModel model(32, 7);
  std::string text;
  for (int i = 0; i < 40; ++i) text += std::string(kSample) + "\n";
  const std::vector<int> ids = char_vocabulary::encode(text);
  TrainerSettings settings;
  settings.batch = 4;
  settings.steps = 16;
  settings.learning_rate = 1e-2f;
  CharLmTrainer trainer(model, ids, settings);
  const float first = trainer.train_step();
  float last = first;
  for (int i = 0; i < 150; ++i) last = trainer.train_step();
  CHECK(trainer.steps_done() == 151);
  CHECK(std::isfinite(first));
  CHECK(first > 4.0f);  // about log(96) = 4.56 untrained
  CHECK(last < 1.5f);   // one sentence repeated is easy to learn
  CHECK(held_out_loss(model, ids) < 1.5);
}

TEST_CASE("one training step lowers the loss on its own batch") {
  CharLanguageModel model(16, 9);
  const SequenceChunk chunk = chunk_of(kSample, 4, 12);
  const Tensor zeros(Shape{4, 16});
  const double before = loss_of(model, chunk, zeros);
  Tape tape;
  Tensor state;
  Var loss = model.chunk_loss(tape, chunk, state);
  REQUIRE(tape.backward(loss));
  Adam adam(model.parameters(), 1e-2f);
  adam.step();
  CHECK(loss_of(model, chunk, zeros) < before - 0.01);
}

TEST_CASE("sampling at T -> 0 is greedy: deterministic, whatever the seed, and the argmax every time") {
  CharLanguageModel model(16, 11);
  ContinuationSampler a(model, "Mr. Darcy", {0.0f}, 40, 1);
  ContinuationSampler b(model, "Mr. Darcy", {0.0f}, 40, 999);
  while (!a.done()) a.advance(7);
  while (!b.done()) b.advance(40);
  const std::string text = a.continuations()[0];
  CHECK(text.size() == 40);
  CHECK(text == b.continuations()[0]);
  // Each character is the most likely one after everything before it.
  for (size_t i = 0; i < text.size(); ++i) {
    Tensor state;
    std::vector<float> logits;
    model.read("Mr. Darcy" + text.substr(0, i), state, logits);
    Pcg32 unused(1);
    CHECK(char_vocabulary::character(sample_index(logits, 0.0f, unused)) == text[i]);
    const int argmax = static_cast<int>(std::max_element(logits.begin(), logits.end()) - logits.begin());
    CHECK(char_vocabulary::index_of(text[i]) == argmax);
  }
}

TEST_CASE("sampled characters follow softmax(z / T) (chi-square test at T = 1 and T = 0.5)") {
  const std::vector<float> logits = {2.0f, 1.0f, 0.5f, 0.0f, -1.0f, 1.5f};
  for (float t : {1.0f, 0.5f}) {
    std::vector<float> expected(logits.size());
    softmax_values(logits.data(), static_cast<int>(logits.size()), t, expected.data());
    const int draws = 20000;
    std::vector<int> counts(logits.size(), 0);
    Pcg32 rng(42);
    for (int i = 0; i < draws; ++i) ++counts[static_cast<size_t>(sample_index(logits, t, rng))];
    double chi_square = 0;
    for (size_t k = 0; k < logits.size(); ++k) {
      const double e = draws * static_cast<double>(expected[k]);
      chi_square += (counts[k] - e) * (counts[k] - e) / e;
    }
    INFO("T = " << t << ", chi-square " << chi_square);
    CHECK(chi_square < 20.5);  // 5 degrees of freedom: p = 0.001
  }
}

TEST_CASE("continuations at several temperatures come out side by side, one per temperature") {
  CharLanguageModel model(16, 13);
  ContinuationSampler sampler(model, "", {0.0f, 1.0f, 2.0f}, 25, 3);
  sampler.advance(10);
  CHECK(sampler.produced() == 10);
  CHECK_FALSE(sampler.done());
  sampler.advance(100);
  CHECK(sampler.done());
  REQUIRE(sampler.continuations().size() == 3);
  for (const std::string& text : sampler.continuations()) {
    CHECK(text.size() == 25);
    CHECK(char_vocabulary::covers(text));
  }
}

TEST_CASE("stream batching: each chunk continues the last one, targets are the next characters") {
  std::vector<int> ids;
  for (int i = 0; i < 41; ++i) ids.push_back(i % char_vocabulary::kSize);
  StreamBatcher batcher(ids, 4, 3);  // streams of 10: [0, 10), [10, 20), ...
  CHECK(batcher.chunks_per_pass() == 3);  // 9 input positions: 3 + 3 + 3
  const SequenceChunk first = batcher.next();
  CHECK(batcher.started_over());
  CHECK(first.steps() == 3);
  CHECK(first.inputs[0] == std::vector<int>{0, 10, 20, 30});
  CHECK(first.targets[2] == std::vector<int>{3, 13, 23, 33});
  const SequenceChunk second = batcher.next();
  CHECK_FALSE(batcher.started_over());
  CHECK(second.inputs[0] == std::vector<int>{3, 13, 23, 33});
  batcher.next();
  batcher.next();  // a new pass
  CHECK(batcher.started_over());
}

TEST_CASE("the held-out part is the text's last tenth, cut at a line break") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "line " + std::to_string(i) + "\n";
  const TextSplit split = split_text(text, 0.1);
  CHECK(split.train.size() + split.held_out.size() == text.size());
  CHECK(split.held_out.size() < text.size() / 8);
  CHECK(split.held_out.size() > text.size() / 12);
  CHECK(split.held_out.front() == char_vocabulary::index_of('l'));  // a whole line
}
