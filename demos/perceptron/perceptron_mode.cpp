#include "demos/perceptron/perceptron_mode.h"

#include <algorithm>
#include <cmath>

#include "demos/i18n/tr.h"
#include "demos/plot.h"
#include "engine/random.h"
#include "imgui.h"

namespace {

const char* const kDataNames[] = {"clouds", "xor"};
const char* const kDataLabels[] = {translatable("two clouds"), translatable("XOR (four corners)")};
// Keeps w inside the URL fields' range; the rule itself never needs it on
// these data sets (XOR's weights stay bounded too: the perceptron cycles).
constexpr float kWeightLimit = 100;
constexpr long kUpdatesBeforeGivingUp = 200;  // on XOR, when to say it is hopeless

void help_text(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.78f, 0.85f, 1));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

}  // namespace

const char* PerceptronMode::explanation() const {
  return translatable(
      "Forward pass: the neuron scores x = (1, x1, x2) with s = w.x = w0 + w1 x1 + w2 x2 and answers "
      "sign(s). The white line is s = 0; the arrow (w1, w2) points to the blue (+1) side. Update "
      "(Rosenblatt 1958, as the notes state it): pick a random misclassified sample x_k (red ring, "
      "y_k w.x_k <= 0) and set w <- w + y_k x_k. That raises y_k w.x_k by |x_k|^2 = 1 + x1^2 + x2^2 "
      "(the numbers under the controls), and the line jumps from its faint old place. If some line "
      "separates the classes, the rule stops after finitely many updates (Novikoff 1962). On XOR no line "
      "does (Minsky & Papert 1969): each correction breaks another point, forever. The rate only scales "
      "the steps; the notes' rule has none, i.e. rate 1.");
}

void PerceptronMode::declare_state(StateFields& f) {
  f.choice("p_data", &data_, {kDataNames, kDataNames + 2}, 0);
  // The default line starts wrong, so "Run" has something to correct.
  f.number("p_w1", &w1_, -1.0f, -kWeightLimit, kWeightLimit);
  f.number("p_w2", &w2_, 0.5f, -kWeightLimit, kWeightLimit);
  f.number("p_b", &b_, 0.5f, -kWeightLimit, kWeightLimit);
  f.number("p_rate", &rate_, 1.0f, 0.01f, 5.0f);
  f.number("p_spread", &spread_, 0.35f, 0.05f, 1.5f);
  f.integer("p_points", &points_, 60, 4, 400);
  f.integer("p_seed", &seed_, 1, 0, 999999);
  f.integer("p_speed", &speed_, 20, 1, 1000);
}

void PerceptronMode::state_loaded() { generate_data(); }

// Clouds: two around (-0.6, -0.4) and (0.6, 0.4). XOR: four around (+-1, +-1),
// each point labelled +1 when exactly one coordinate is positive. An
// Irwin-Hall sum of three uniforms stands in for a Gaussian so the data is
// bit-identical everywhere.
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
      if (xor_data()) {
        float cx = i % 2 == 0 ? 1.0f : -1.0f, cy = i % 4 < 2 ? 1.0f : -1.0f;
        float x = cx + spread_ * bell();
        float y = cy + spread_ * bell();
        out.push_back({x, y, (x > 0) != (y > 0) ? 1 : -1});
      } else {
        int label = i % 2 == 0 ? 1 : -1;
        float cx = 0.6f * static_cast<float>(label), cy = 0.4f * static_cast<float>(label);
        float x = cx + spread_ * bell();
        out.push_back({x, cy + spread_ * bell(), label});
      }
    }
  };
  make(points_, train_);
  make(std::max(2, points_ / 2), test_);
  steps_ = 0;
  last_ = Update{};
  pending_updates_ = 0;
  pick_counter_ = 0;
}

int PerceptronMode::misclassified_count(const std::vector<Point>& points) const {
  int count = 0;
  for (const Point& p : points)
    if (static_cast<float>(p.label) * score(p) <= 0) ++count;
  return count;
}

// The notes ask for y_k w.x_k < 0; a point exactly on the line (= 0) counts
// as wrong too, since sign(0) puts it on neither side.
bool PerceptronMode::update_once() {
  std::vector<int> wrong;
  for (int i = 0; i < static_cast<int>(train_.size()); ++i)
    if (static_cast<float>(train_[i].label) * score(train_[i]) <= 0) wrong.push_back(i);
  if (wrong.empty()) return false;
  Pcg32 pick(static_cast<uint64_t>(seed_), 1000u + pick_counter_++);
  int k = wrong[pick.below(static_cast<uint32_t>(wrong.size()))];
  const Point& p = train_[k];
  float y = static_cast<float>(p.label);
  last_.sample = k;
  last_.x = {1.0f, p.x, p.y};
  last_.label = p.label;
  last_.old_weights = weights();
  last_.margin_before = y * score(p);
  for (int i = 0; i < 3; ++i) last_.delta[i] = rate_ * y * last_.x[i];
  b_ = std::clamp(b_ + last_.delta[0], -kWeightLimit, kWeightLimit);
  w1_ = std::clamp(w1_ + last_.delta[1], -kWeightLimit, kWeightLimit);
  w2_ = std::clamp(w2_ + last_.delta[2], -kWeightLimit, kWeightLimit);
  last_.margin_after = y * score(p);
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
  if (ImGui::Button(running() ? tr_id("Pause") : tr_id("Run"))) set_running(!running());
  ImGui::SameLine();
  if (ImGui::Button(tr_id("Step"))) update_once();
  ImGui::SameLine();
  if (ImGui::Button(tr_id("New data"))) {
    seed_ = seed_ % 999999 + 1;
    generate_data();
  }
  const char* data_labels[] = {tr(kDataLabels[0]), tr(kDataLabels[1])};
  bool data_changed = ImGui::Combo(tr_id("data"), &data_, data_labels, 2);
  ImGui::Text("w = (w0, w1, w2) = (%.2f, %.2f, %.2f)", static_cast<double>(b_), static_cast<double>(w1_),
              static_cast<double>(w2_));
  // The sliders widen when the rule takes w past +-5.
  float range = std::max({5.0f, std::ceil(std::fabs(b_)), std::ceil(std::fabs(w1_)), std::ceil(std::fabs(w2_))});
  ImGui::SliderFloat(tr_id("w0 (bias)"), &b_, -range, range, "%.2f");
  ImGui::SliderFloat("w1", &w1_, -range, range, "%.2f");
  ImGui::SliderFloat("w2", &w2_, -range, range, "%.2f");
  ImGui::SliderFloat(tr_id("learning rate"), &rate_, 0.01f, 5, "%.2f", ImGuiSliderFlags_Logarithmic);
  ImGui::SliderInt(tr_id("updates / s"), &speed_, 1, 1000, "%d", ImGuiSliderFlags_Logarithmic);
  data_changed |= ImGui::SliderFloat(tr_id("spread"), &spread_, 0.05f, 1.5f, "%.2f");
  data_changed |= ImGui::SliderInt(tr_id("points"), &points_, 4, 400);
  data_changed |= ImGui::InputInt(tr_id("seed"), &seed_);
  seed_ = std::clamp(seed_, 0, 999999);
  if (data_changed) generate_data();

  ImGui::Separator();
  update_controls();
  ImGui::Separator();
  int wrong = misclassified_count(train_);
  ImGui::Text(tr("updates: %ld"), steps_);
  ImGui::Text(tr("misclassified (train): %d / %d"), wrong, static_cast<int>(train_.size()));
  ImGui::Text(tr("test accuracy: %.1f%%"),
              100.0 * (1.0 - misclassified_count(test_) / static_cast<double>(test_.size())));
  if (wrong == 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.4f, 0.9f, 0.5f, 1));
    ImGui::TextWrapped("%s", tr("Converged: every training point is on its side."));
    ImGui::PopStyleColor();
  }
  if (xor_data()) xor_controls();
}

// What the last update did, in the notes' symbols.
void PerceptronMode::update_controls() {
  if (last_.sample < 0) {
    help_text(tr("Step picks a random red-ringed point x_k and sets w <- w + rate * y_k x_k."));
    return;
  }
  const Update& u = last_;
  ImGui::Text(tr("last update: sample %d (yellow ring)"), u.sample);
  ImGui::Text("x_k = (1, %+.2f, %+.2f)   y_k = %+d", static_cast<double>(u.x[1]), static_cast<double>(u.x[2]),
              u.label);
  ImGui::Text("y_k w.x_k: %+.2f -> %+.2f", static_cast<double>(u.margin_before), static_cast<double>(u.margin_after));
  ImGui::Text("dw = rate y_k x_k = (%+.2f, %+.2f, %+.2f)", static_cast<double>(u.delta[0]),
              static_cast<double>(u.delta[1]), static_cast<double>(u.delta[2]));
}

void PerceptronMode::xor_controls() {
  ImGui::Separator();
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.8f, 0.3f, 1));
  ImGui::TextWrapped("%s", tr("No line separates XOR: the blue corners sit on one diagonal, the orange on the other "
                              "(Minsky & Papert 1969). The rule can only move the mistakes around."));
  if (steps_ >= kUpdatesBeforeGivingUp && misclassified_count(train_) > 0)
    ImGui::TextWrapped(tr("%ld updates and still %d wrong: it will never stop."), steps_, misclassified_count(train_));
  ImGui::PopStyleColor();
  if (ImGui::Button(tr_id("Add a hidden layer"))) switch_to("gates", "xor_by_hand");
  help_text(tr("The Logic gates tab builds XOR from two layers of these units, then learns it."));
}

void PerceptronMode::draw() {
  Plot plot = Plot::fill_square_region(-2, 2, -2, 2);
  plot.shade_by_sign([this](float x, float y) { return b_ + w1_ * x + w2_ * y; });
  plot.grid_and_axes(1.0f);
  if (last_.sample >= 0) {
    const auto& old = last_.old_weights;
    plot.line_where_zero(old[1], old[2], old[0], IM_COL32(255, 255, 255, 90));
  }
  plot.line_where_zero(w1_, w2_, b_, IM_COL32(255, 255, 255, 255));
  // The arrow starts where the line is closest to the origin; off the plot, it is not drawn.
  float norm2 = w1_ * w1_ + w2_ * w2_;
  if (norm2 > 0 && std::fabs(w1_ * b_ / norm2) < 1.9f && std::fabs(w2_ * b_ / norm2) < 1.9f) plot.weight_arrow(w1_, w2_, b_);
  for (const Point& p : test_) plot.point(p.x, p.y, p.label, /*hollow=*/true);
  for (int i = 0; i < static_cast<int>(train_.size()); ++i) {
    const Point& p = train_[i];
    plot.point(p.x, p.y, p.label, false);
    if (static_cast<float>(p.label) * score(p) <= 0) plot.ring(p.x, p.y, IM_COL32(255, 60, 60, 255));
    if (i == last_.sample) plot.ring(p.x, p.y, IM_COL32(255, 230, 0, 255), 9);
  }
  plot.legend(tr("filled: train  hollow: test  red: misclassified  yellow: x_k  faint: line before"));
}

void PerceptronMode::report(DemoReport& out) const {
  double loss = 0;  // perceptron criterion: mean of max(0, -y w.x)
  for (const Point& p : train_) loss += std::max(0.0f, -static_cast<float>(p.label) * score(p));
  out.set("step", static_cast<double>(steps_));
  out.set("train_loss", train_.empty() ? 0 : loss / static_cast<double>(train_.size()));
  out.set("train_error", train_.empty() ? 0 : misclassified_count(train_) / static_cast<double>(train_.size()));
  out.set("test_accuracy", 1.0 - misclassified_count(test_) / static_cast<double>(test_.size()));
}
