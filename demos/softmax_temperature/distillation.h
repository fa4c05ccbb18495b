// Knowledge distillation, run in small units of work: first a teacher (a
// wider, deeper MLP) learns from many labelled points; then two identical
// small students (same initial weights, same mini-batches) learn from a few of
// those points, the transfer set: one from the hard labels only, the other
// from the teacher's softened outputs at temperature T mixed with the labels
// (distillation_loss.h).
//
// Why few points: a student that sees 50 labels can only guess where the
// boundaries run between them; the teacher's soft targets say, for each
// point, how close the other classes are ("dark knowledge"), which is what
// the distilled student can learn from and the hard-label one cannot.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "demos/softmax_temperature/point_classifier.h"
#include "engine/data/batches.h"
#include "engine/data/generators.h"

struct DistillationConfig {
  int classes = 3;                  // arms of the spiral data set
  float noise = 0.05f;
  int teacher_points = 1000;        // labelled points the teacher learns from
  int transfer_points = 50;         // the first of them, all the students see
  int test_points = 1000;
  std::vector<int> teacher_hidden = {64, 64};
  std::vector<int> student_hidden = {32, 32};
  int teacher_steps = 4000;         // mini-batches of 50
  int student_steps = 1500;         // mini-batches of the whole transfer set (or 50)
  float temperature = 4;            // the distillation temperature, not the logit explorer's
  float alpha = 0.9f;               // weight of the soft term
  float learning_rate = 0.005f;
  uint64_t seed = 1;
};

enum class Student { Hard = 0, Distilled = 1 };

struct StudentPoint {
  long step = 0;
  double test_accuracy[2] = {0, 0};  // indexed by Student
};

class Distillation {
 public:
  enum class Phase { Teacher, Students, Finished, Failed };

  explicit Distillation(const DistillationConfig& config);

  bool advance();  // one unit (a mini-batch step or an evaluation); false when there is nothing left
  void run_to_end();

  Phase phase() const { return phase_; }
  const std::string& error() const { return error_; }
  const DistillationConfig& config() const { return config_; }
  double progress() const;  // 0..1 over both phases

  long teacher_steps() const { return teacher_->steps(); }
  long student_steps() const { return student_steps_; }
  double teacher_test_accuracy() const { return teacher_test_accuracy_; }
  float teacher_loss() const { return teacher_->last_loss(); }
  float student_loss(Student s) const { return students_[static_cast<int>(s)]->last_loss(); }
  double student_test_accuracy(Student s) const;
  const std::vector<StudentPoint>& history() const { return history_; }

  const Dataset2D& teacher_data() const { return teacher_data_; }
  const Dataset2D& transfer_data() const { return transfer_data_; }
  const Dataset2D& test_data() const { return test_data_; }
  // The teacher's logits [transfer_points, classes] (empty until it is trained).
  const Tensor& teacher_transfer_logits() const { return teacher_transfer_logits_; }
  // Logits [n, classes] of any network on any points (for the decision maps).
  Tensor teacher_logits(const Dataset2D& points) { return teacher_->logits(points); }
  Tensor student_logits(Student s, const Dataset2D& points) { return students_[static_cast<int>(s)]->logits(points); }

 private:
  void teacher_step();
  void finish_teacher();
  void students_step();
  void evaluate_students();
  void fail(const std::string& who, const std::string& message);

  DistillationConfig config_;
  Phase phase_ = Phase::Teacher;
  std::string error_;
  Dataset2D teacher_data_, transfer_data_, test_data_;
  std::unique_ptr<PointClassifier> teacher_, students_[2];
  std::unique_ptr<BatchIterator> teacher_batches_, student_batches_;
  Tensor teacher_transfer_logits_;
  double teacher_test_accuracy_ = 0;
  long student_steps_ = 0;
  std::vector<StudentPoint> history_;
};
