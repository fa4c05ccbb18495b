// tests/demos/style_transfer/gatys_job_test.cpp: the "gatys" background job, driven by start/step.
#include "demos/style_transfer/gatys_job.h"

#include <doctest/doctest.h>

#include "tests/demos/style_transfer/style_test_images.h"
#include "tests/heap_growth.h"

namespace {

GatysJobInput small_input() {
  GatysJobInput input;
  input.settings.resolution = 48;
  input.settings.loss.style_weight = 300;
  input.settings.noise_seed = 77;
  input.content = test_content_image();
  input.style = test_style_image(64);
  input.max_iterations = 4;
  return input;
}

}  // namespace

TEST_CASE("the gatys job's input round-trips through its bytes") {
  GatysJobInput input = small_input();
  input.settings.colour = ColourMode::HistogramMatch;
  input.settings.optimizer = GatysOptimizer::Adam;
  input.classifier_weights = {1, 2, 3};
  GatysJobInput decoded;
  std::string error;
  REQUIRE_MESSAGE(decode_gatys_input(encode_gatys_input(input), &decoded, &error), error);
  CHECK(decoded.settings.resolution == 48);
  CHECK(decoded.settings.loss.style_weight == 300);
  CHECK(decoded.settings.loss.style_layers.size() == 4);
  CHECK(decoded.settings.loss.style_layers[3].layer == "relu4_1");
  CHECK(decoded.settings.colour == ColourMode::HistogramMatch);
  CHECK(decoded.settings.optimizer == GatysOptimizer::Adam);
  CHECK(decoded.settings.noise_seed == 77);
  CHECK(decoded.max_iterations == 4);
  CHECK(decoded.content.to_vector() == input.content.to_vector());
  CHECK(decoded.style.shape() == input.style.shape());
  CHECK(decoded.classifier_weights == std::vector<uint8_t>{1, 2, 3});
}

TEST_CASE("the gatys job sends one message per iteration, its losses falling, then stops") {
  GatysJob job;
  std::string error;
  REQUIRE_MESSAGE(job.start(encode_gatys_input(small_input()), &error), error);
  std::vector<GatysProgress> progress;
  Bytes message;
  bool more = true;
  while (more) {
    more = job.step(&message);
    GatysProgress p;
    REQUIRE(decode_gatys_progress(message, &p, &error));
    progress.push_back(p);
    REQUIRE(progress.size() <= 4);
  }
  REQUIRE(progress.size() == 4);
  for (int i = 0; i < 4; ++i) CHECK(progress[i].iteration == i + 1);
  CHECK(progress[3].total_loss < progress[0].total_loss);
  CHECK(progress[3].height == 48);
  CHECK(progress[3].rgb.size() == size_t{3} * 48 * progress[3].width);
  // The same as running the optimisation directly.
  GatysOptimisation direct;
  GatysJobInput input = small_input();
  REQUIRE(direct.start(input.settings, input.content, input.style, &error));
  for (int i = 0; i < 4; ++i) direct.iterate();
  CHECK(direct.total_loss() == progress[3].total_loss);
}

TEST_CASE("bad gatys job input gets a message") {
  GatysJob job;
  std::string error;
  CHECK_FALSE(job.start(Bytes{'G', 'A'}, &error));
  CHECK_FALSE(error.empty());
  Bytes bytes = encode_gatys_input(small_input());
  bytes[0] = 'X';
  CHECK_FALSE(job.start(bytes, &error));
  CHECK(error == "gatys job: the input does not start with GATY");
  Bytes truncated = encode_gatys_input(small_input());
  truncated.resize(truncated.size() - 10);
  CHECK_FALSE(job.start(truncated, &error));
  CHECK_FALSE(error.empty());
  Bytes extra = encode_gatys_input(small_input());
  extra.push_back(0);
  CHECK_FALSE(job.start(extra, &error));
  CHECK(error == "gatys job: 1 bytes after the end");
}

TEST_CASE("the gatys job's heap stops growing once warm (L-BFGS and Adam, 30 iterations then 60)") {
  for (GatysOptimizer optimizer : {GatysOptimizer::Lbfgs, GatysOptimizer::Adam}) {
    CAPTURE(static_cast<int>(optimizer));
    GatysJobInput input = small_input();
    input.settings.optimizer = optimizer;
    input.max_iterations = 200;
    GatysJob job;
    CHECK(job_heap_growth(job, encode_gatys_input(input), 30, 60).grown() < kWarmHeapSlack);
  }
}
