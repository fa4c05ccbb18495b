#include "demos/dropout/mc_inference.h"

#include <algorithm>
#include <cmath>

#include "engine/ops/softmax.h"

namespace {

constexpr int kRowsPerChunk = 400;  // examples x samples per unit of work

int arg_max(const float* values, int count) { return static_cast<int>(std::max_element(values, values + count) - values); }

Tensor run(DropoutNetwork& network, Tensor inputs, Pass pass, Pcg32& rng) {
  Tape tape;
  tape.training = pass != Pass::Deterministic;
  NoGradScope no_grad(tape);
  Var logits = network.forward(tape, tape.constant(std::move(inputs)), pass, rng);
  return logits.ok() ? logits.value().clone() : Tensor();
}

}  // namespace

SampleSummary summarise_rows(const Tensor& values) {
  int rows = values.dim(0), columns = values.dim(1);
  SampleSummary s;
  s.mean.assign(static_cast<size_t>(columns), 0.0f);
  s.deviation.assign(static_cast<size_t>(columns), 0.0f);
  for (int k = 0; k < columns; ++k) {
    double sum = 0, squares = 0;
    for (int r = 0; r < rows; ++r) sum += values[r * columns + k];
    double mean = sum / rows;
    for (int r = 0; r < rows; ++r) squares += (values[r * columns + k] - mean) * (values[r * columns + k] - mean);
    s.mean[static_cast<size_t>(k)] = static_cast<float>(mean);
    s.deviation[static_cast<size_t>(k)] = static_cast<float>(std::sqrt(squares / rows));
  }
  return s;
}

Tensor row_softmax(const Tensor& logits) {
  Tensor p(logits.shape());
  int columns = logits.dim(1);
  for (int r = 0; r < logits.dim(0); ++r) softmax_values(logits.data() + r * columns, columns, 1.0f, p.data() + r * columns);
  return p;
}

Tensor deterministic_logits(DropoutNetwork& network, const float* examples, int rows) {
  int inputs = network.config().inputs;
  Tensor x(Shape{rows, inputs});
  std::copy_n(examples, static_cast<size_t>(rows) * inputs, x.data());
  Pcg32 unused(0);  // the deterministic pass draws nothing
  return run(network, std::move(x), Pass::Deterministic, unused);
}

Tensor monte_carlo_logits(DropoutNetwork& network, const float* example, int samples, Pcg32& rng) {
  int inputs = network.config().inputs;
  Tensor x(Shape{samples, inputs});
  for (int s = 0; s < samples; ++s) std::copy_n(example, inputs, x.data() + static_cast<size_t>(s) * inputs);
  return run(network, std::move(x), Pass::MonteCarlo, rng);
}

void MonteCarloEvaluation::start(int samples, long at_step) {
  running_ = true;
  finished_ = false;
  samples_ = std::max(1, samples);
  at_step_ = at_step;
  next_ = 0;
  mc_wrong_ = deterministic_wrong_ = 0;
}

float MonteCarloEvaluation::progress(const ClassificationData& data) const {
  return data.test_size() == 0 ? 0 : static_cast<float>(next_) / static_cast<float>(data.test_size());
}

bool MonteCarloEvaluation::advance(DropoutNetwork& network, const ClassificationData& data, Pcg32& rng) {
  if (!running_) return false;
  int total = data.test_size(), classes = data.classes;
  int end = std::min(total, next_ + std::max(1, kRowsPerChunk / samples_));
  Tensor fixed = deterministic_logits(network, data.test_row(next_), end - next_);
  for (int i = next_; i < end; ++i) {
    int label = data.test_labels[static_cast<size_t>(i)];
    deterministic_wrong_ += arg_max(fixed.data() + (i - next_) * classes, classes) != label;
    // The prediction is the average of the samples' class probabilities.
    SampleSummary mc = summarise_rows(row_softmax(monte_carlo_logits(network, data.test_row(i), samples_, rng)));
    mc_wrong_ += arg_max(mc.mean.data(), classes) != label;
  }
  next_ = end;
  if (next_ >= total) {
    running_ = false;
    finished_ = true;
    mc_error_ = static_cast<float>(static_cast<double>(mc_wrong_) / total);
    deterministic_error_ = static_cast<float>(static_cast<double>(deterministic_wrong_) / total);
  }
  return true;
}
