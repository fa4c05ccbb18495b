#include "demos/softmax_temperature/distillation.h"

#include <algorithm>

#include "demos/softmax_temperature/distillation_loss.h"
#include "engine/ops/losses.h"

namespace {

constexpr int kBatch = 50;
constexpr int kEvaluations = 100;  // points on each student's accuracy curve

Dataset2D first_points(const Dataset2D& data, int count) {
  Dataset2D out;
  out.classes = data.classes;
  count = std::clamp(count, 1, data.size());
  out.x.assign(data.x.begin(), data.x.begin() + 2 * count);
  out.label.assign(data.label.begin(), data.label.begin() + count);
  return out;
}

}  // namespace

Distillation::Distillation(const DistillationConfig& config) : config_(config) {
  Pcg32 data_rng(config_.seed);
  teacher_data_ = make_k_class_spirals(std::max(config_.teacher_points, 10), config_.classes, config_.noise, data_rng);
  test_data_ = make_k_class_spirals(std::max(config_.test_points, 10), config_.classes, config_.noise, data_rng);
  transfer_data_ = first_points(teacher_data_, config_.transfer_points);
  teacher_ = std::make_unique<PointClassifier>(config_.teacher_hidden, config_.classes, config_.learning_rate,
                                               config_.seed + 10);
  // One seed for both students: identical initial weights.
  for (auto& student : students_)
    student = std::make_unique<PointClassifier>(config_.student_hidden, config_.classes, config_.learning_rate,
                                                config_.seed + 20);
  Pcg32 batch_rng(config_.seed + 30);
  teacher_batches_ = std::make_unique<BatchIterator>(teacher_data_.size(), kBatch, batch_rng);
  student_batches_ = std::make_unique<BatchIterator>(transfer_data_.size(), kBatch, batch_rng);
}

double Distillation::progress() const {
  double total = config_.teacher_steps + config_.student_steps;
  return std::min(1.0, static_cast<double>(teacher_->steps() + student_steps_) / std::max(1.0, total));
}

double Distillation::student_test_accuracy(Student s) const {
  return history_.empty() ? 0 : history_.back().test_accuracy[static_cast<int>(s)];
}

bool Distillation::advance() {
  switch (phase_) {
    case Phase::Teacher: teacher_step(); return true;
    case Phase::Students: students_step(); return true;
    default: return false;
  }
}

void Distillation::run_to_end() {
  while (advance()) {
  }
}

void Distillation::fail(const std::string& who, const std::string& message) {
  phase_ = Phase::Failed;
  error_ = who + ": " + message;
}

void Distillation::teacher_step() {
  Batch batch = gather_batch(teacher_data_, teacher_batches_->next());
  std::vector<int> labels = batch.labels;
  bool ok = teacher_->step(batch.x, [&labels](Tape&, Var logits) { return ops::cross_entropy(logits, labels); });
  if (!ok) return fail("the teacher", teacher_->error());
  if (teacher_->steps() >= config_.teacher_steps) finish_teacher();
}

void Distillation::finish_teacher() {
  teacher_test_accuracy_ = accuracy(teacher_->logits(test_data_), test_data_.label);
  teacher_transfer_logits_ = teacher_->logits(transfer_data_);
  phase_ = Phase::Students;
  evaluate_students();  // the untrained students' starting point
}

// Both students take the same batch: one step each.
void Distillation::students_step() {
  std::vector<int> rows = student_batches_->next();
  Batch batch = gather_batch(transfer_data_, rows);
  std::vector<int> labels = batch.labels;
  Tensor teacher(Shape{static_cast<int>(rows.size()), config_.classes});
  for (size_t b = 0; b < rows.size(); ++b)
    std::copy_n(teacher_transfer_logits_.data() + static_cast<size_t>(rows[b]) * config_.classes, config_.classes,
                teacher.data() + b * static_cast<size_t>(config_.classes));
  float temperature = config_.temperature, alpha = config_.alpha;
  bool ok = students_[0]->step(batch.x, [&labels](Tape&, Var logits) { return ops::cross_entropy(logits, labels); });
  if (!ok) return fail("the hard-label student", students_[0]->error());
  ok = students_[1]->step(batch.x, [&](Tape& tape, Var logits) {
    return distillation_loss(logits, tape.constant(teacher), labels, temperature, alpha);
  });
  if (!ok) return fail("the distilled student", students_[1]->error());
  ++student_steps_;
  long period = std::max(1, config_.student_steps / kEvaluations);
  if (student_steps_ % period == 0 || student_steps_ >= config_.student_steps) evaluate_students();
  if (student_steps_ >= config_.student_steps) phase_ = Phase::Finished;
}

void Distillation::evaluate_students() {
  StudentPoint point;
  point.step = student_steps_;
  for (int s = 0; s < 2; ++s) point.test_accuracy[s] = accuracy(students_[s]->logits(test_data_), test_data_.label);
  history_.push_back(point);
}
