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
// gap and loss checks carry the robust claim, and the second test checks them
// for each of seeds 2-5 (natively), with the mean test error over those seeds.
// If an engine change flips the error comparison by a fraction of a point,
// that is the seed noise above, not a broken demo: look at the gap and loss
// first.

#include <doctest/doctest.h>

#include <string>

#include "demos/assets.h"
#include "demos/dropout/dropout_demo.h"

namespace {

struct WindowMeans {
  int evaluations = 0;
  double train_error[2] = {0, 0}, test_error[2] = {0, 0}, test_loss[2] = {0, 0};
  double gap(int twin) const { return test_error[twin] - train_error[twin]; }  // test minus train error
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

constexpr double kFirstEpoch = 41, kLastEpoch = 80;
constexpr int kPlain = static_cast<int>(Twin::Plain), kDropout = static_cast<int>(Twin::Dropout);

// The demo on its defaults with this seed, run to epoch 81 as the shell runs it.
WindowMeans default_setting_run(int seed) {
  // The build writes the asset into <build>/data/; the demo asks for "data/fashion-mnist.bin".
  std::string data_dir = PLAYGROUND_DATA_DIR;
  set_asset_backend(nullptr);  // read files, whatever stand-in an earlier test installed
  set_asset_directory(data_dir.substr(0, data_dir.size() - std::string("/data").size()));

  DropoutDemo demo;
  StateFields fields;
  demo.declare_state(fields);
  fields.reset_all();  // the defaults a visitor sees: 1,000 images, 784-256-256-10, p = 0.2 / 0.5
  fields.find("seed")->set(seed);
  fields.find("run")->set(1);
  demo.state_loaded();

  for (int frame = 0; frame < 10 && !demo.data_ready(); ++frame) demo.step(StepBudget::for_checks(200));
  REQUIRE_MESSAGE(demo.data_ready(), "the Fashion-MNIST asset did not load from " << data_dir);

  while (demo.trainer().epochs() < kLastEpoch + 1) {
    demo.step(StepBudget::for_checks(200));
    REQUIRE_MESSAGE(!demo.trainer().diverged(), demo.trainer().divergence());
  }
  set_asset_directory(".");  // the default

  const WindowMeans m = means_between(demo.trainer().history(), kFirstEpoch, kLastEpoch);
  MESSAGE("seed " << seed << ", epochs 41-80, " << m.evaluations << " evaluations: test error plain "
                  << m.test_error[kPlain] << ", dropout " << m.test_error[kDropout] << "; gap plain "
                  << m.gap(kPlain) << ", dropout " << m.gap(kDropout) << "; test loss plain " << m.test_loss[kPlain]
                  << ", dropout " << m.test_loss[kDropout]);
  REQUIRE(m.evaluations >= 20);
  return m;
}

}  // namespace

TEST_CASE("on the default Fashion-MNIST setting, seed 1, dropout ends with a lower test error, gap and test loss") {
  const WindowMeans m = default_setting_run(1);
  CHECK(m.test_error[kDropout] < m.test_error[kPlain]);
  CHECK(m.gap(kDropout) < m.gap(kPlain) - 0.03);
  CHECK(m.test_loss[kDropout] < 0.8 * m.test_loss[kPlain]);
}

#ifndef __EMSCRIPTEN__
// Natively only (a minute per seed in wasm): seed 1 above already checks that both builds agree bit for bit.
// Measured: the gap 13.4-13.8 points with dropout against 18.3-19.2 without, the test loss 0.57-0.58
// against 0.98-1.03, for every seed; the test error lower with dropout for 3 of the 4 seeds (plain
// minus dropout: +0.71, -0.18, +0.54, +0.03 points; mean +0.27).
TEST_CASE("on the default Fashion-MNIST setting, for each of seeds 2-5, dropout gives a smaller gap and test loss") {
  double plain_error = 0, dropout_error = 0;
  int dropout_lower = 0;
  for (int seed = 2; seed <= 5; ++seed) {
    CAPTURE(seed);
    const WindowMeans m = default_setting_run(seed);
    CHECK(m.gap(kDropout) < m.gap(kPlain) - 0.03);
    CHECK(m.test_loss[kDropout] < 0.8 * m.test_loss[kPlain]);
    plain_error += m.test_error[kPlain] / 4;
    dropout_error += m.test_error[kDropout] / 4;
    dropout_lower += m.test_error[kDropout] < m.test_error[kPlain];
  }
  MESSAGE("mean test error over seeds 2-5: plain " << plain_error << ", dropout " << dropout_error << "; dropout lower for "
                                                  << dropout_lower << " of 4 seeds");
  CHECK(dropout_error < plain_error);  // the error lead is small and not every seed's (see above)
}
#endif
