#include "demos/perceptron/perceptron_mode.h"

#include <algorithm>
#include <cmath>

#include "demos/plot.h"
#include "engine/random.h"
#include "imgui.h"

const char* PerceptronMode::explanation() const {
  return "A perceptron scores a point x = (x1, x2) with s = w1 x1 + w2 x2 + b and predicts its class "
         "by the sign of s, so its decision boundary is the line w1 x1 + w2 x2 + b = 0 and the weight "
         "vector w points towards the +1 side. Rosenblatt's rule (1958) learns w: pick a random "
         "misclassified sample k, one with y_k (w.x_k + b) <= 0, and set w <- w + rate * y_k x_k, "
         "b <- b + rate * y_k, which raises y_k (w.x_k + b). When the two clouds can be split by a "
         "line the rule stops after finitely many updates; raise the spread until they overlap and "
         "it never settles.";
}

void PerceptronMode::declare_state(StateFields& f) {
  // The default line starts wrong, so "Run" has something to correct.
  f.number("p_w1", &w1_, -1.0f, -5.0f, 5.0f);
  f.number("p_w2", &w2_, 0.5f, -5.0f, 5.0f);
  f.number("p_b", &b_, 0.5f, -5.0f, 5.0f);
  f.number("p_rate", &rate_, 0.5f, 0.01f, 5.0f);
  f.number("p_spread", &spread_, 0.35f, 0.05f, 1.5f);
  f.integer("p_points", &points_, 60, 4, 400);
  f.integer("p_seed", &seed_, 1, 0, 999999);
  f.integer("p_speed", &speed_, 20, 1, 1000);
}

void PerceptronMode::state_loaded() { generate_data(); }

// Two clouds around (-0.6, -0.4) and (0.6, 0.4); an Irwin-Hall sum of three
// uniforms stands in for a Gaussian so the data is bit-identical everywhere.
void PerceptronMode::generate_data() {
  Pcg32 rng(static_cast<uint64_t>(seed_));
  auto bell = [&] {
    // Separate statements: the order of draws inside one expression is unspecified.
    float sum = rng.uniform();
    sum += rng.uniform();
    sum += rng.uniform();
    return (sum - 1.5f) * 2.0f;
  };
  auto make = [&](int count, std::vector<Point>& out) {
    out.clear();
    for (int i = 0; i < count; ++i) {
      int label = i % 2 == 0 ? 1 : -1;
      float cx = 0.6f * static_cast<float>(label), cy = 0.4f * static_cast<float>(label);
      out.push_back({cx + spread_ * bell(), cy + spread_ * bell(), label});
    }
  };
  make(points_, train_);
  make(std::max(2, points_ / 2), test_);
  steps_ = 0;
  last_corrected_ = -1;
  pending_updates_ = 0;
  pick_counter_ = 0;
}

int PerceptronMode::misclassified_count(const std::vector<Point>& points) const {
  int count = 0;
  for (const Point& p : points)
    if (static_cast<float>(p.label) * score(p) <= 0) ++count;
  return count;
}

bool PerceptronMode::update_once() {
  std::vector<int> wrong;
  for (int i = 0; i < static_cast<int>(train_.size()); ++i)
    if (static_cast<float>(train_[i].label) * score(train_[i]) <= 0) wrong.push_back(i);
  if (wrong.empty()) return false;
  Pcg32 pick(static_cast<uint64_t>(seed_), 1000u + pick_counter_++);
  int k = wrong[pick.below(static_cast<uint32_t>(wrong.size()))];
  const Point& p = train_[k];
  float y = static_cast<float>(p.label);
  last_dw1_ = rate_ * y * p.x;
  last_dw2_ = rate_ * y * p.y;
  last_db_ = rate_ * y;
  w1_ = std::clamp(w1_ + last_dw1_, -5.0f, 5.0f);
  w2_ = std::clamp(w2_ + last_dw2_, -5.0f, 5.0f);
  b_ = std::clamp(b_ + last_db_, -5.0f, 5.0f);
  last_corrected_ = k;
  ++steps_;
  return true;
}

void PerceptronMode::step(const StepBudget& budget) {
  if (!running()) return;
  pending_updates_ += budget.frame_seconds * speed_;
  pending_updates_ = std::min(pending_updates_, static_cast<double>(speed_));  // no catch-up bursts
  while (pending_updates_ >= 1.0 && !budget.expired()) {
    pending_updates_ -= 1.0;
    if (!update_once()) {
      set_running(false);  // converged: every training point is on its side
      pending_updates_ = 0;
      break;
    }
  }
}

void PerceptronMode::controls() {
  if (ImGui::Button(running() ? "Pause" : "Run")) set_running(!running());
  ImGui::SameLine();
  if (ImGui::Button("Step")) update_once();
  ImGui::SameLine();
  if (ImGui::Button("New data")) {
    seed_ = seed_ % 999999 + 1;
    generate_data();
  }
  ImGui::SliderFloat("w1", &w1_, -5, 5, "%.2f");
  ImGui::SliderFloat("w2", &w2_, -5, 5, "%.2f");
  ImGui::SliderFloat("b", &b_, -5, 5, "%.2f");
  ImGui::SliderFloat("learning rate", &rate_, 0.01f, 5, "%.2f", ImGuiSliderFlags_Logarithmic);
  ImGui::SliderInt("updates / s", &speed_, 1, 1000, "%d", ImGuiSliderFlags_Logarithmic);
  bool data_changed = ImGui::SliderFloat("spread", &spread_, 0.05f, 1.5f, "%.2f");
  data_changed |= ImGui::SliderInt("points", &points_, 4, 400);
  data_changed |= ImGui::InputInt("seed", &seed_);
  seed_ = std::clamp(seed_, 0, 999999);
  if (data_changed) generate_data();

  ImGui::Separator();
  int wrong = misclassified_count(train_);
  ImGui::Text("updates: %ld", steps_);
  ImGui::Text("misclassified (train): %d / %d", wrong, static_cast<int>(train_.size()));
  ImGui::Text("test accuracy: %.1f%%",
              100.0 * (1.0 - misclassified_count(test_) / static_cast<double>(test_.size())));
  if (wrong == 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.4f, 0.9f, 0.5f, 1));
    ImGui::TextWrapped("Converged: every training point is on its side.");
    ImGui::PopStyleColor();
  }
  if (last_corrected_ >= 0)
    ImGui::TextWrapped("last update: dw = (%+.2f, %+.2f), db = %+.2f", last_dw1_, last_dw2_, last_db_);
}

void PerceptronMode::draw() {
  Plot plot = Plot::fill_square_region(-2, 2, -2, 2);
  plot.shade_by_sign([this](float x, float y) { return w1_ * x + w2_ * y + b_; });
  plot.grid_and_axes(1.0f);
  plot.line_where_zero(w1_, w2_, b_, IM_COL32(255, 255, 255, 255));
  plot.weight_arrow(w1_, w2_, b_);
  for (const Point& p : test_) plot.point(p.x, p.y, p.label, /*hollow=*/true);
  for (int i = 0; i < static_cast<int>(train_.size()); ++i) {
    const Point& p = train_[i];
    plot.point(p.x, p.y, p.label, false);
    if (static_cast<float>(p.label) * score(p) <= 0) plot.ring(p.x, p.y, IM_COL32(255, 60, 60, 255));
    if (i == last_corrected_) plot.ring(p.x, p.y, IM_COL32(255, 230, 0, 255), 9);
  }
  plot.legend("filled: train   hollow: test   red ring: misclassified   yellow: last corrected");
}

void PerceptronMode::report(DemoReport& out) const {
  double loss = 0;  // perceptron criterion: mean of max(0, -y s)
  for (const Point& p : train_) loss += std::max(0.0f, -static_cast<float>(p.label) * score(p));
  out.set("step", static_cast<double>(steps_));
  out.set("train_loss", train_.empty() ? 0 : loss / static_cast<double>(train_.size()));
  out.set("train_error", train_.empty() ? 0 : misclassified_count(train_) / static_cast<double>(train_.size()));
  out.set("test_accuracy", 1.0 - misclassified_count(test_) / static_cast<double>(test_.size()));
}
