// The in-page training job (caption_train_job.h), run as the tests run every
// background job: synchronously, one step per call, driven by step counts.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "demos/captioning/caption_train_job.h"
#include "demos/captioning/caption_training.h"
#include "demos/captioning/caption_weights.h"
#include "tests/demos/captioning/real_scene_items.h"
#include "tests/heap_growth.h"

namespace {

const std::vector<uint8_t>& items_bytes() {
  static const std::vector<uint8_t> bytes = read_bytes(std::string(PLAYGROUND_DATA_DIR) + "/fashion-mnist.bin");
  return bytes;
}

const std::vector<uint8_t>& shipped_bytes() {
  static const std::vector<uint8_t> bytes = read_bytes(std::string(PLAYGROUND_DATA_DIR) + "/captioner.dlpw");
  return bytes;
}

CaptionTrainInput small_input(CaptionModel model, int steps) {
  CaptionTrainInput input;
  input.model = model;
  input.steps = steps;
  input.batch = 4;
  input.learning_rate = 3e-3f;
  input.evaluate_every = 2;
  input.evaluate_scenes = 6;
  input.items = items_bytes();
  return input;
}

// Every message of a whole run.
std::vector<CaptionTrainMessage> run(const CaptionTrainInput& input) {
  CaptionTrainJob job;
  std::string error;
  REQUIRE_MESSAGE(job.start(encode_caption_train_input(input), &error), error);
  std::vector<CaptionTrainMessage> messages;
  bool more = true;
  while (more) {
    Bytes bytes;
    more = job.step(&bytes);
    CaptionTrainMessage m;
    REQUIRE_MESSAGE(decode_caption_train_message(bytes, &m, &error), error);
    messages.push_back(std::move(m));
    REQUIRE(messages.size() <= static_cast<size_t>(input.steps) + 1);
  }
  return messages;
}

}  // namespace

TEST_CASE("caption_train: input and message bytes round-trip; a truncated or foreign record is refused") {
  CaptionTrainInput input;
  input.model = CaptionModel::show_tell;
  input.steps = 77;
  input.batch = 5;
  input.learning_rate = 4e-4f;
  input.penalty = 0.5f;
  input.seed = 99;
  input.items = {1, 2, 3};
  input.shipped_weights = {4, 5};
  const Bytes bytes = encode_caption_train_input(input);
  CaptionTrainInput back;
  std::string error;
  REQUIRE(decode_caption_train_input(bytes, &back, &error));
  CHECK(back.model == CaptionModel::show_tell);
  CHECK(back.steps == 77);
  CHECK(back.batch == 5);
  CHECK(back.learning_rate == 4e-4f);
  CHECK(back.penalty == 0.5f);
  CHECK(back.seed == 99);
  CHECK(back.items == input.items);
  CHECK(back.shipped_weights == input.shipped_weights);
  for (size_t n = 0; n < bytes.size(); ++n) {
    CHECK_FALSE(decode_caption_train_input(Bytes(bytes.begin(), bytes.begin() + static_cast<long>(n)), &back, &error));
    CHECK(error.rfind("caption_train", 0) == 0);
  }
  Bytes foreign = bytes;
  foreign[0] = 'X';
  CHECK_FALSE(decode_caption_train_input(foreign, &back, &error));
  input.learning_rate = -1;
  CHECK_FALSE(decode_caption_train_input(encode_caption_train_input(input), &back, &error));
  CHECK(error.find("learning rate") != std::string::npos);

  CaptionTrainMessage m;
  m.step = 3;
  m.steps = 9;
  m.loss = 1.5f;
  m.cross_entropy = 1.25f;
  m.penalty = 0.25f;
  m.bleu4 = 0.375f;
  m.weights = {7, 8, 9};
  m.error = "oops";
  const Bytes message = encode_caption_train_message(m);
  CaptionTrainMessage got;
  REQUIRE(decode_caption_train_message(message, &got, &error));
  CHECK(got.step == 3);
  CHECK(got.steps == 9);
  CHECK(got.cross_entropy == 1.25f);
  CHECK(got.bleu4 == 0.375f);
  CHECK(got.weights == m.weights);
  CHECK(got.error == "oops");
  for (size_t n = 0; n < message.size(); ++n)
    CHECK_FALSE(decode_caption_train_message(Bytes(message.begin(), message.begin() + static_cast<long>(n)), &got, &error));
}

TEST_CASE("caption_train: bad items or corrupt shipped weights stop the start with a message") {
  CaptionTrainJob job;
  std::string error;
  CaptionTrainInput input = small_input(CaptionModel::attention, 2);
  input.items = {1, 2, 3, 4};
  CHECK_FALSE(job.start(encode_caption_train_input(input), &error));
  CHECK(error.rfind("caption_train: ", 0) == 0);
  input.items = items_bytes();
  input.shipped_weights = shipped_bytes();
  input.shipped_weights[input.shipped_weights.size() / 2] ^= 0x40;
  CHECK_FALSE(job.start(encode_caption_train_input(input), &error));
  CHECK(error.find("caption weights") != std::string::npos);
}

TEST_CASE("caption_train: going on from the shipped weights starts exactly where the shipped model scores") {
  CaptionTrainInput input = small_input(CaptionModel::attention, 3);
  input.shipped_weights = shipped_bytes();
  input.learning_rate = 1e-4f;
  const std::vector<CaptionTrainMessage> messages = run(input);
  REQUIRE(messages.size() == 4);  // the start, then steps 1..3
  for (size_t i = 0; i < messages.size(); ++i) CHECK(messages[i].step == static_cast<int>(i));
  CHECK(std::isnan(messages[0].loss));
  for (size_t i = 1; i < messages.size(); ++i) CHECK(std::isfinite(messages[i].cross_entropy));
  // Evaluated at the start, every 2 steps and at the end, each with its weights.
  CHECK(messages[0].bleu4 >= 0);
  CHECK(messages[1].bleu4 < 0);
  CHECK(messages[1].weights.empty());
  CHECK(messages[2].bleu4 >= 0);
  CHECK(messages[3].bleu4 >= 0);

  Captioner show_tell(CaptionModel::show_tell, kCaptionerSeed), shipped(CaptionModel::attention, kCaptionerSeed);
  REQUIRE(load_captioners(shipped_bytes().data(), shipped_bytes().size(), show_tell, shipped).ok);
  const CaptionEvaluation expected = evaluate_captions(shipped, real_scene_items(), SceneSplit::test, 1, 6);
  CHECK(messages[0].bleu4 == static_cast<float>(expected.bleu[3]));
  Captioner start(CaptionModel::attention, 3);
  REQUIRE(load_captioner(messages[0].weights, start).empty());
  CHECK(start.parameters()[0]->value.to_vector() == shipped.parameters()[0]->value.to_vector());
  // The weights of the last message are a model that moved.
  Captioner last(CaptionModel::attention, 3);
  REQUIRE(load_captioner(messages[3].weights, last).empty());
  CHECK(last.parameters()[0]->value.to_vector() != shipped.parameters()[0]->value.to_vector());
  // A model of the other kind refuses them.
  CHECK_FALSE(load_captioner(messages[3].weights, show_tell).empty());
}

TEST_CASE("caption_train: from scratch the cross-entropy falls, for every seed, and a run repeats bit for bit") {
  for (uint32_t seed : {1u, 2u, 3u}) {
    CaptionTrainInput input = small_input(CaptionModel::show_tell, 24);
    input.seed = seed;
    input.evaluate_every = 100;  // only the start and the end
    const std::vector<CaptionTrainMessage> messages = run(input);
    REQUIRE(messages.size() == 25);
    const auto mean = [&](size_t from) {
      return (messages[from].cross_entropy + messages[from + 1].cross_entropy + messages[from + 2].cross_entropy) / 3;
    };
    CAPTURE(seed);
    CHECK(mean(22) < 0.8f * mean(1));
    if (seed == 1) {
      const std::vector<CaptionTrainMessage> again = run(input);
      for (size_t i = 0; i < messages.size(); ++i) {
        CHECK(encode_caption_train_message(again[i]) == encode_caption_train_message(messages[i]));
      }
    }
  }
}

TEST_CASE("caption_train: the job's heap stops growing once warm (attention, 500 steps then 500)") {
  // Natively the heap rose by about 80 KB over the first 400-800 steps (the tape's buffers reaching
  // the longest caption's size), then by 160 bytes from step 800 to 1500.
  CaptionTrainInput input = small_input(CaptionModel::attention, 1200);
  input.batch = 2;
  input.evaluate_every = 25;  // weights and BLEU sent 20 times in the measured steps
  input.evaluate_scenes = 2;
  CaptionTrainJob job;
  CHECK(job_heap_growth(job, encode_caption_train_input(input), 500, 500).grown() < kWarmHeapSlack);
}
