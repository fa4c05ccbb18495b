// tests/demos/dropout/fashion_mnist_claim_test.cpp: the demo's claim on its
// default setting, as a regression test. The demo is driven as the shell
// drives it (defaults, run=1, time-sliced step() calls) on the real
// Fashion-MNIST subset the build makes (build/<preset>/data/), natively and,
// through node's file system, in wasm.
//
// Measured (seeds 1, 3, 4, 5; mean over the evaluations of epochs 41-80,
// before the kernels of issue 7 changed the rounding): the train-test error
// gap is 13-14 points with dropout against 18-20 without, and the test loss
// 0.57-0.59 against 0.97-1.03, for every seed. The test error itself differs
// by about a point either way (seed 1: 19.0% vs 19.6%; seed 4: 18.8% vs
// 20.3%; seeds 3 and 5 favour the plain network by 0.2-0.7), and other
// settings tried (batches of 20, width 512 or 1024, 500 or 2,000 images, other
// learning rates, momentum) did not widen it: on 1,000 images dropout's clear
// effect is on overfitting, its error lead is small.
//
// Seed 1 now gives 19.0% (plain) against 18.4% (dropout), bit for bit the
// same natively and in wasm (engine/det_math.h). The strict comparison below
// is therefore a regression test of this seed's run, as the issue asks; the
// gap and loss checks carry the robust claim. If an engine change flips the
// error comparison by a fraction of a point, that is the seed noise above,
// not a broken demo: look at the gap and loss first.

#include <doctest/doctest.h>

#include <string>

#include "demos/assets.h"
#include "demos/dropout/dropout_demo.h"

namespace {

struct WindowMeans {
  int evaluations = 0;
  double train_error[2] = {0, 0}, test_error[2] = {0, 0}, test_loss[2] = {0, 0};
};

WindowMeans means_between(const std::vector<HistoryPoint>& history, double first_epoch, double last_epoch) {
  WindowMeans m;
  for (const HistoryPoint& h : history) {
    if (h.epoch < first_epoch || h.epoch > last_epoch) continue;
    ++m.evaluations;
    for (int t = 0; t < 2; ++t) {
      m.train_error[t] += h.twin[t].train_error;
      m.test_error[t] += h.twin[t].test_error;
      m.test_loss[t] += h.twin[t].test_loss;
    }
  }
  for (int t = 0; t < 2 && m.evaluations > 0; ++t) {
    m.train_error[t] /= m.evaluations;
    m.test_error[t] /= m.evaluations;
    m.test_loss[t] /= m.evaluations;
  }
  return m;
}

}  // namespace

TEST_CASE("on the default Fashion-MNIST setting, seed 1, dropout ends with a lower test error, gap and test loss") {
  // The build writes the asset into <build>/data/; the demo asks for "data/fashion-mnist.bin".
  std::string data_dir = PLAYGROUND_DATA_DIR;
  set_asset_backend(nullptr);  // read files, whatever stand-in an earlier test installed
  set_asset_directory(data_dir.substr(0, data_dir.size() - std::string("/data").size()));

  DropoutDemo demo;
  StateFields fields;
  demo.declare_state(fields);
  fields.reset_all();  // the defaults a visitor sees: 1,000 images, 784-256-256-10, p = 0.2 / 0.5, seed 1
  fields.find("run")->set(1);
  demo.state_loaded();

  for (int frame = 0; frame < 10 && !demo.data_ready(); ++frame) demo.step(StepBudget::for_checks(200));
  REQUIRE_MESSAGE(demo.data_ready(), "the Fashion-MNIST asset did not load from " << data_dir);

  constexpr double kFirstEpoch = 41, kLastEpoch = 80;
  while (demo.trainer().epochs() < kLastEpoch + 1) {
    demo.step(StepBudget::for_checks(200));
    REQUIRE_MESSAGE(!demo.trainer().diverged(), demo.trainer().divergence());
  }
  set_asset_directory(".");  // the default

  WindowMeans m = means_between(demo.trainer().history(), kFirstEpoch, kLastEpoch);
  const int plain = static_cast<int>(Twin::Plain), dropped = static_cast<int>(Twin::Dropout);
  MESSAGE("epochs 41-80, " << m.evaluations << " evaluations: test error plain " << m.test_error[plain] << ", dropout "
                           << m.test_error[dropped] << "; gap plain " << m.test_error[plain] - m.train_error[plain]
                           << ", dropout " << m.test_error[dropped] - m.train_error[dropped] << "; test loss plain "
                           << m.test_loss[plain] << ", dropout " << m.test_loss[dropped]);
  REQUIRE(m.evaluations >= 20);
  CHECK(m.test_error[dropped] < m.test_error[plain]);
  CHECK(m.test_error[dropped] - m.train_error[dropped] < m.test_error[plain] - m.train_error[plain] - 0.03);
  CHECK(m.test_loss[dropped] < 0.8 * m.test_loss[plain]);
}
