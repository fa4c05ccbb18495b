#include "demos/dropout/twin_trainer.h"

#include <algorithm>
#include <cmath>

#include "engine/det_math.h"
#include "engine/ops/losses.h"
#include "engine/ops/softmax.h"

namespace {

// Units of work stay near 5 ms in WebAssembly for the default 784-256-256-10
// network (measured: about 10 GFLOP/s there), so a frame overshoots its
// budget by one unit at most.
constexpr int kEvaluationChunk = 100;  // rows per evaluation unit
constexpr int kProbeExamples = 100;    // test examples whose activations the histogram shows
constexpr int kHistogramBins = 30;

// -log softmax(z)[target], computed stably from one row of logits.
double negative_log_likelihood(const float* logits, int classes, int target) {
  const double top = *std::max_element(logits, logits + classes);
  return log_sum_exp(logits, classes, 1.0) - (static_cast<double>(logits[target]) - top);
}

int arg_max(const float* values, int count) { return static_cast<int>(std::max_element(values, values + count) - values); }

Tensor gather_rows(const std::vector<float>& x, int inputs, const std::vector<int>& rows) {
  Tensor out(Shape{static_cast<int>(rows.size()), inputs});
  for (size_t r = 0; r < rows.size(); ++r)
    std::copy_n(x.data() + static_cast<size_t>(rows[r]) * inputs, inputs, out.data() + r * static_cast<size_t>(inputs));
  return out;
}

}  // namespace

void TwinTrainer::clear() {
  data_.reset();
  plain_.reset();
  dropped_.reset();
  history_.clear();
  evaluated_epoch_ = -1;
  divergence_.clear();
  divergence_parts_ = {};
  steps_ = images_trained_ = 0;
  network_steps_[0] = network_steps_[1] = 0;
  metrics_[0] = metrics_[1] = Metrics{};
  activations_[0].clear();
  activations_[1].clear();
  latest_masks_.clear();
  latest_batch_.clear();
  evaluation_due_ = activations_due_ = false;
}

void TwinTrainer::reset(std::shared_ptr<const ClassificationData> data, const TrainingConfig& config) {
  clear();
  if (!data || data->train_size() == 0 || data->test_size() == 0) return;
  data_ = std::move(data);
  config_ = config;
  config_.network.inputs = data_->inputs;
  config_.network.classes = data_->classes;
  config_.batch_size = std::clamp(config_.batch_size, 1, data_->train_size());
  // One seed for both: identical initial weights.
  plain_ = std::make_unique<DropoutNetwork>(without_dropout(config_.network), config_.seed);
  dropped_ = std::make_unique<DropoutNetwork>(config_.network, config_.seed);
  initial_first_layer_ = plain_->layers()[0].weight.value.clone();
  optimizers_[0] = make_optimizer(config_.optimizer, plain_->parameters(), config_.learning_rate);
  optimizers_[1] = make_optimizer(config_.optimizer, dropped_->parameters(), config_.learning_rate);
  Pcg32 rng(config_.seed + 1000);
  batches_ = std::make_unique<BatchIterator>(data_->train_size(), config_.batch_size, rng);
  mask_rng_ = Pcg32(config_.seed + 2000);
  batch_.clear();
  next_twin_ = 0;
  evaluation_due_ = true;
  eval_twin_ = eval_split_ = eval_row_ = 0;
  eval_loss_sum_ = 0;
  eval_wrong_ = 0;
}

void TwinTrainer::set_learning_rate(float rate) {
  config_.learning_rate = rate;
  for (auto& optimizer : optimizers_)
    if (optimizer) optimizer->learning_rate = rate;
}

double TwinTrainer::epochs() const {
  return ready() ? static_cast<double>(images_trained_) / data_->train_size() : 0;
}

// About as many examples evaluated as trained on in between: evaluation (a
// forward pass only) then costs a third of the time training takes.
long TwinTrainer::evaluation_period() const {
  long images = std::max(data_->train_size(), (data_->train_size() + data_->test_size()) / 2);
  return std::max(1L, images / config_.batch_size);
}

bool TwinTrainer::advance() {
  if (!ready() || diverged()) return false;
  if (activations_due_) {
    measure_activations();
    activations_due_ = false;
    return true;
  }
  if (evaluation_due_) {
    evaluation_chunk();
    return true;
  }
  if (batch_.empty()) batch_ = batches_->next();
  train_step(static_cast<Twin>(next_twin_));
  if (diverged()) return false;
  next_twin_ = 1 - next_twin_;
  if (next_twin_ == 0) {  // both networks have taken this batch
    ++steps_;
    images_trained_ += static_cast<long>(batch_.size());
    batch_.clear();
    if (steps_ % evaluation_period() == 0) evaluation_due_ = true;
  }
  return true;
}

void TwinTrainer::run_steps(long count) {
  long target = steps_ + count;
  while ((steps_ < target || evaluating()) && advance()) {
  }
  if (ready() && !diverged() && evaluated_epoch_ != epochs()) {
    evaluation_due_ = true;  // evaluate where the run stopped, too
    while (evaluating() && advance()) {
    }
  }
}

// L = -(1/B) sum_b log softmax(f(x_b * z_b))[y_b], then one optimizer step.
void TwinTrainer::train_step(Twin twin) {
  DropoutNetwork& network = this->network(twin);
  tape_.clear();
  tape_.training = true;
  std::vector<int> labels;
  for (int row : batch_) labels.push_back(data_->train_labels[static_cast<size_t>(row)]);
  PassDetails details;
  Var x = tape_.constant(gather_rows(data_->train_x, data_->inputs, batch_));
  Var logits = network.forward(tape_, x, Pass::Training, mask_rng_, twin == Twin::Dropout ? &details : nullptr);
  Var loss = ops::cross_entropy(logits, labels);
  Optimizer& optimizer = *optimizers_[index(twin)];
  optimizer.zero_grad();
  const char* name = twin == Twin::Plain ? "plain" : "dropout";
  if (!loss.ok() || !tape_.backward(loss)) {
    divergence_ = std::string("the ") + name + " network failed: " + tape_.error();
    divergence_parts_ = {twin, 0, tape_.error()};
    return;
  }
  optimizer.step();
  ++network_steps_[index(twin)];
  if (!std::isfinite(loss.value().item()) || !network.finite()) {
    divergence_ = std::string("the ") + name + " network's loss became NaN or infinite at step " +
                  std::to_string(steps_ + 1) + "; the learning rate is too large for it";
    divergence_parts_ = {twin, steps_ + 1, ""};
    return;
  }
  if (twin == Twin::Dropout) {
    latest_masks_ = std::move(details.masks);
    latest_batch_ = batch_;
  }
}

void TwinTrainer::evaluation_chunk() {
  const std::vector<float>& x = eval_split_ == 0 ? data_->train_x : data_->test_x;
  const std::vector<int>& labels = eval_split_ == 0 ? data_->train_labels : data_->test_labels;
  int total = static_cast<int>(labels.size());
  int end = std::min(total, eval_row_ + kEvaluationChunk);
  std::vector<int> rows;
  for (int r = eval_row_; r < end; ++r) rows.push_back(r);

  tape_.clear();
  tape_.training = false;
  NoGradScope no_grad(tape_);
  Var logits = network(static_cast<Twin>(eval_twin_)).forward(tape_, tape_.constant(gather_rows(x, data_->inputs, rows)),
                                                              Pass::Deterministic, mask_rng_);
  int classes = data_->classes;
  for (int r = eval_row_; r < end; ++r) {
    const float* z = logits.value().data() + static_cast<size_t>(r - eval_row_) * classes;
    int label = labels[static_cast<size_t>(r)];
    eval_loss_sum_ += negative_log_likelihood(z, classes, label);
    eval_wrong_ += arg_max(z, classes) != label;
  }
  eval_row_ = end;
  if (eval_row_ < total) return;

  Metrics& m = pending_[eval_twin_];
  float loss = static_cast<float>(eval_loss_sum_ / total);
  float error = static_cast<float>(static_cast<double>(eval_wrong_) / total);
  if (eval_split_ == 0) {
    m.train_loss = loss;
    m.train_error = error;
  } else {
    m.test_loss = loss;
    m.test_error = error;
  }
  eval_row_ = 0;
  eval_loss_sum_ = 0;
  eval_wrong_ = 0;
  if (++eval_split_ == 2) {
    eval_split_ = 0;
    if (++eval_twin_ == 2) {
      eval_twin_ = 0;
      finish_evaluation();
    }
  }
}

void TwinTrainer::finish_evaluation() {
  evaluation_due_ = false;
  metrics_[0] = pending_[0];
  metrics_[1] = pending_[1];
  evaluated_epoch_ = epochs();
  HistoryPoint point;
  point.epoch = epochs();
  point.twin[0] = metrics_[0];
  point.twin[1] = metrics_[1];
  history_.add(point);
  activations_due_ = true;  // the next unit of work
}

void TwinTrainer::measure_activations() {
  int probes = std::min(kProbeExamples, data_->test_size());
  std::vector<int> rows;
  for (int r = 0; r < probes; ++r) rows.push_back(r);
  std::vector<Tensor> hidden[2];  // per twin, per hidden layer
  for (int t = 0; t < 2; ++t) {
    tape_.clear();
    tape_.training = false;
    NoGradScope no_grad(tape_);
    PassDetails details;
    network(static_cast<Twin>(t)).forward(tape_, tape_.constant(gather_rows(data_->test_x, data_->inputs, rows)),
                                          Pass::Deterministic, mask_rng_, &details);
    for (Var h : details.hidden) hidden[t].push_back(h.value().clone());
  }
  for (int t = 0; t < 2; ++t) activations_[t].assign(hidden[t].size(), ActivationStats{});
  for (size_t layer = 0; layer < hidden[0].size(); ++layer) {
    // One range for both networks, so their histograms compare bin by bin:
    // up to the 99th percentile of the non-zero activations.
    std::vector<float> positive;
    for (int t = 0; t < 2; ++t)
      for (int i = 0; i < hidden[t][layer].size(); ++i)
        if (hidden[t][layer][i] > 0) positive.push_back(hidden[t][layer][i]);
    float top = 1;
    if (!positive.empty()) {
      size_t k = positive.size() * 99 / 100;
      std::nth_element(positive.begin(), positive.begin() + static_cast<long>(k), positive.end());
      top = std::max(positive[k], 1e-6f);
    }
    for (int t = 0; t < 2; ++t) {
      const Tensor& h = hidden[t][layer];
      ActivationStats& stats = activations_[t][layer];
      stats.top = top;
      stats.histogram.assign(kHistogramBins, 0.0f);
      double sum = 0;
      long zeros = 0;
      for (int i = 0; i < h.size(); ++i) {
        sum += h[i];
        if (h[i] <= 0) {
          ++zeros;
          continue;
        }
        int bin = std::min(kHistogramBins - 1, static_cast<int>(h[i] / top * kHistogramBins));
        stats.histogram[static_cast<size_t>(bin)] += 1.0f / static_cast<float>(h.size());
      }
      stats.zero_fraction = static_cast<float>(static_cast<double>(zeros) / h.size());
      stats.mean = static_cast<float>(sum / h.size());
    }
  }
}
