#include "demos/perceptron/relu_mode.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "demos/plot.h"
#include "engine/det_math.h"
#include "engine/ops/activations.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/linalg.h"
#include "engine/ops/losses.h"
#include "engine/random.h"
#include "demos/help_marker.h"
#include "demos/i18n/tr.h"
#include "imgui.h"

namespace {

const char* const kTargetNames[] = {"sine", "abs", "step", "parabola", "notes"};
const char* const kTargetLabels[] = {translatable("sine: 1.5 sin(1.5x)"), translatable("abs: |x| - 1.5"),
                                     translatable("step: sign(x)"), translatable("parabola: x^2/3 - 1.5"),
                                     translatable("notes: a six-unit Z(x)")};
constexpr int kTargetCount = 5;

// The notes' Z(x) = -n1 - n2 - n3 + n4 + n5 + n6 as a trapezoid wave: the
// minus units bend it down at x = -1.5, -0.5, 2.5, the plus units up at
// x = -2.5, 0.5, 1.5. No offset c, so the sum is exactly the notes' form.
constexpr ReluMode::Unit kNotesUnits[6] = {{-1, -2, -3},    {-1, 2, 1}, {-1, -1, 2.5f},
                                           {1, 1, 2.5f}, {1, -2, 1}, {1, 2, -3}};

// The start: the same signs with gentler bends (kinks at -1, 0, 2, -2, 0.5, 1).
// Units 7 to 12 start flat (a = 0), so raising k leaves the curve unchanged.
constexpr ReluMode::Unit kDefaultUnits[ReluMode::kMaxUnits] = {
    {-1, -1, -1},  {-1, 1, 0},     {-1, -0.5f, 1}, {1, 0.5f, 1},  {1, -1, 0.5f}, {1, 1, -1},
    {0, 1, 2.25f}, {0, -1, 2.25f}, {0, 1, 0.75f},  {0, -1, 0.75f}, {0, 1, 1.75f}, {0, -1, 1.75f}};

constexpr float kViewX0 = -3.25f, kViewX1 = 3.25f, kViewY0 = -2.75f, kViewY1 = 2.75f;
constexpr float kPickRadius = 10.0f;  // pixels around a kink marker that grab it

float relu(float v) { return v > 0 ? v : 0.0f; }

float grid_x(int j) {
  return ReluMode::kXMin + (ReluMode::kXMax - ReluMode::kXMin) * static_cast<float>(j) /
                               static_cast<float>(ReluMode::kGridPoints - 1);
}

// Well-separated hues (golden-ratio steps), the same for a unit's curve, marker and list entry.
ImU32 unit_color(int i, float alpha = 1.0f) {
  float r, g, b;
  ImGui::ColorConvertHSVtoRGB(std::fmod(0.08f + 0.618034f * static_cast<float>(i), 1.0f), 0.55f, 1.0f, r, g, b);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(r, g, b, alpha));
}

float clamp_parameter(float v) { return std::clamp(v, -ReluMode::kParameterBound, ReluMode::kParameterBound); }

}  // namespace

ReluMode::ReluMode() {
  std::copy(std::begin(kDefaultUnits), std::end(kDefaultUnits), units_params_.begin());
  rebuild_grid();
}

const char* ReluMode::explanation() const {
  return translatable(
      "Each unit computes a_i ReLU(w_i x + b_i): zero on one side of its kink x = -b_i / w_i and a straight "
      "line of slope a_i w_i on the other (the thin coloured curves). Their sum f(x) = c + sum_i a_i ReLU(w_i x "
      "+ b_i), the thick white curve, is a broken line whose slope changes by a_i |w_i| at each kink (the "
      "dots), so k units can bend it k times: this is how one hidden layer of ReLUs approximates a curve, and "
      "more units give more bends. The notes build a curve as Z(x) = -n1 - n2 - n3 + n4 + n5 + n6 with n_i(x) "
      "= ReLU(a_i x + b_i); their a_i is w_i here and their signs are a_i = -1 or +1, as in the six units you "
      "start with. The 'notes' target (dashed) is such a sum, so a fit can reach zero loss; the sine and the "
      "parabola can only be approached, and the step needs a near-vertical ramp (a very large w). Fit runs "
      "Adam on the mean squared error over 200 points in [-3, 3]. A unit whose kink slides out of the range "
      "with its flat side inwards gets no gradient and stays dead.");
}

void ReluMode::declare_state(StateFields& f) {
  f.integer("r_units", &units_, 6, 1, kMaxUnits);
  f.choice("r_target", &target_, {kTargetNames, kTargetNames + kTargetCount}, static_cast<int>(Target::Notes));
  f.number("r_rate", &rate_, 0.02f, 1e-4f, 1e6f);
  f.integer("r_speed", &speed_, 500, 1, 100000);
  f.integer("r_seed", &seed_, 1, 0, 999999);
  f.number("r_c", &offset_, 0.0f, -kParameterBound, kParameterBound);
  for (int i = 0; i < kMaxUnits; ++i) {
    Unit& u = units_params_[static_cast<size_t>(i)];
    const Unit& start = kDefaultUnits[i];
    std::string index = std::to_string(i);
    f.number(("r_a" + index).c_str(), &u.a, start.a, -kParameterBound, kParameterBound);
    f.number(("r_w" + index).c_str(), &u.w, start.w, -kParameterBound, kParameterBound);
    f.number(("r_b" + index).c_str(), &u.b, start.b, -kParameterBound, kParameterBound);
  }
}

void ReluMode::state_loaded() {
  units_ = std::clamp(units_, 1, kMaxUnits);
  rebuild_grid();
  reset_training();
  dragging_ = -1;
}

float ReluMode::target_value(Target target, float x) {
  switch (target) {
    case Target::Sine: return 1.5f * static_cast<float>(det_math::sin(1.5f * x));  // the same bits natively and in wasm
    case Target::Abs: return std::fabs(x) - 1.5f;
    case Target::Step: return x < 0 ? -1.0f : 1.0f;
    case Target::Parabola: return x * x / 3.0f - 1.5f;
    case Target::Notes: {
      float sum = 0;
      for (const Unit& u : kNotesUnits) sum += u.a * relu(u.w * x + u.b);
      return sum;
    }
  }
  return 0;
}

float ReluMode::unit_output(int i, float x) const {
  const Unit& u = units_params_[static_cast<size_t>(i)];
  return u.a * relu(u.w * x + u.b);
}

float ReluMode::evaluate(float x) const {
  float sum = offset_;
  for (int i = 0; i < units_; ++i) sum += unit_output(i, x);
  return sum;
}

float ReluMode::loss() const {
  double total = 0;
  for (int j = 0; j < kGridPoints; ++j) {
    double error = static_cast<double>(evaluate(grid_x(j))) - static_cast<double>(target_value(grid_x(j)));
    total += error * error;
  }
  return static_cast<float>(total / kGridPoints);
}

bool ReluMode::has_kink(int i) const { return std::fabs(units_params_[static_cast<size_t>(i)].w) > 1e-4f; }

void ReluMode::rebuild_grid() {
  if (grid_x_.empty()) {
    grid_x_ = Tensor(Shape{kGridPoints, 1});
    for (int j = 0; j < kGridPoints; ++j) grid_x_[j] = grid_x(j);
  }
  grid_target_ = Tensor(Shape{kGridPoints, 1});
  for (int j = 0; j < kGridPoints; ++j) grid_target_[j] = target_value(grid_x(j));
  grid_target_for_ = target_;
}

void ReluMode::ensure_optimizer() {
  if (optimizer_ && optimizer_units_ == units_) return;
  output_weights_ = Parameter("a", Tensor(Shape{units_, 1}));
  input_weights_ = Parameter("w", Tensor(Shape{1, units_}));
  biases_ = Parameter("b", Tensor(Shape{1, units_}));
  offset_param_ = Parameter("c", Tensor(Shape{1}));
  optimizer_ = std::make_unique<Adam>(
      std::vector<Parameter*>{&output_weights_, &input_weights_, &biases_, &offset_param_}, rate_);
  optimizer_units_ = units_;
}

bool ReluMode::train_step() {
  if (diverged_) return false;
  units_ = std::clamp(units_, 1, kMaxUnits);
  if (grid_target_for_ != target_) rebuild_grid();
  ensure_optimizer();
  // The URL members are the truth; hand edits since the last step are picked up here.
  for (int i = 0; i < units_; ++i) {
    const Unit& u = units_params_[static_cast<size_t>(i)];
    output_weights_.value[i] = u.a;
    input_weights_.value[i] = u.w;
    biases_.value[i] = u.b;
  }
  offset_param_.value[0] = offset_;

  tape_.clear();
  // hidden[N,k] = ReLU(x[N,1] w[1,k] + b[1,k]);  f[N,1] = hidden a[k,1] + c[1]
  Var x = tape_.constant(grid_x_);
  Var hidden = ops::relu(ops::add(ops::matmul(x, tape_.param(input_weights_)), tape_.param(biases_)));
  Var fitted = ops::add(ops::matmul(hidden, tape_.param(output_weights_)), tape_.param(offset_param_));
  Var mse = ops::mse(fitted, tape_.constant(grid_target_));
  optimizer_->zero_grad();
  if (!mse.ok() || !tape_.backward(mse)) return diverge();
  const float loss_value = mse.value().item();
  optimizer_->learning_rate = rate_;
  optimizer_->step();

  auto usable = [](const Tensor& t) {
    for (int i = 0; i < t.size(); ++i)
      if (!std::isfinite(t[i]) || std::fabs(t[i]) > kParameterBound) return false;
    return true;
  };
  if (!std::isfinite(loss_value) || !usable(output_weights_.value) || !usable(input_weights_.value) ||
      !usable(biases_.value) || !usable(offset_param_.value))
    return diverge();
  for (int i = 0; i < units_; ++i) {
    Unit& u = units_params_[static_cast<size_t>(i)];
    u.a = output_weights_.value[i];
    u.w = input_weights_.value[i];
    u.b = biases_.value[i];
  }
  offset_ = offset_param_.value[0];
  ++steps_;
  record_history(loss_value);
  return true;
}

// The units were not written back, so they keep their last finite values.
bool ReluMode::diverge() {
  diverged_ = true;
  set_running(false);
  optimizer_.reset();  // its moments may hold infinities
  pending_steps_ = 0;
  return false;
}

void ReluMode::reset_training() {
  optimizer_.reset();
  steps_ = 0;
  diverged_ = false;
  pending_steps_ = 0;
  history_.clear();
}

void ReluMode::record_history(float loss_value) { history_.add(std::log10(std::max(loss_value, 1e-12f))); }

void ReluMode::randomize_units() {
  Pcg32 rng(static_cast<uint64_t>(seed_));
  for (Unit& u : units_params_) {
    // Separate statements: the order of draws inside one expression is unspecified.
    float height = rng.uniform(0.3f, 1.0f);
    if (rng.uniform() < 0.5f) height = -height;
    float slope = rng.uniform(0.5f, 2.0f);
    if (rng.uniform() < 0.5f) slope = -slope;
    float kink_x = rng.uniform(-2.5f, 2.5f);
    u = Unit{height, slope, -slope * kink_x};
  }
  offset_ = 0;
  reset_training();
}

void ReluMode::step(const StepBudget& budget) {
  if (diverged_) set_running(false);
  if (!running() || dragging_ >= 0) {
    pending_steps_ = 0;
    return;
  }
  pending_steps_ += budget.frame_seconds * speed_;
  pending_steps_ = std::min(pending_steps_, static_cast<double>(speed_));  // no catch-up bursts
  for (int done = 0; pending_steps_ >= 1.0; ++done) {
    if (done % 8 == 0 && budget.expired()) break;
    pending_steps_ -= 1.0;
    if (!train_step()) break;
  }
}

void ReluMode::controls() {
  highlighted_ = hovered_kink_;
  training_controls();
  ImGui::Separator();
  unit_controls();
}

void ReluMode::training_controls() {
  if (ImGui::Button(running() ? tr_id("Pause") : tr_id("Fit"))) {
    if (diverged_) reset_training();
    set_running(!running());
  }
  ImGui::SameLine();
  if (ImGui::Button(tr_id("Step"))) {
    if (diverged_) reset_training();
    train_step();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr_id("Random start"))) {
    seed_ = seed_ % 999999 + 1;
    randomize_units();
  }
  help_marker("Fit runs Adam (full batch, the learning rate below) on the mean squared error between f and the "
              "target at 200 points in [-3, 3], and writes the fitted units back into the sliders and the link. "
              "Random start draws new units from the next seed.");
  ImGui::Text(tr("step %ld   loss (MSE) %.3g"), steps_, static_cast<double>(loss()));
  if (!history_.empty())
    ImGui::PlotLines("##loss history", history_.points().data(), static_cast<int>(history_.size()), 0, tr("log10 loss"), FLT_MAX,
                     FLT_MAX, ImVec2(ImGui::GetContentRegionAvail().x, 40));  // PlotLines takes no -1 width
  if (diverged_) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1));
    ImGui::TextWrapped("%s", tr("training diverged (NaN): lower the learning rate"));
    ImGui::PopStyleColor();
    if (ImGui::Button(tr_id("Reset training"))) reset_training();
    help_marker("The loss or a parameter stopped being a finite number, or a parameter passed +/-100, from where "
                "float32 overflows within a few steps. The units are back at their last finite values; Reset "
                "training clears the optimizer's state and keeps them.");
  }
  const char* target_labels[kTargetCount];
  for (int i = 0; i < kTargetCount; ++i) target_labels[i] = tr(kTargetLabels[i]);
  if (ImGui::Combo(tr_id("target"), &target_, target_labels, kTargetCount)) rebuild_grid();
  ImGui::SliderInt(tr_id("units k"), &units_, 1, kMaxUnits);
  ImGui::SliderFloat(tr_id("learning rate"), &rate_, 1e-4f, 1e6f, "%.4g", ImGuiSliderFlags_Logarithmic);
  ImGui::SliderInt(tr_id("steps / s"), &speed_, 1, 100000, "%d", ImGuiSliderFlags_Logarithmic);
}

void ReluMode::unit_controls() {
  ImGui::TextUnformatted("f(x) = c + sum_i a_i ReLU(w_i x + b_i)");
  help_marker("In the plot, drag a unit's dot (its kink, x = -b/w) left or right to move the kink; drag it up or "
              "down to bend the curve there: a changes so that the unit's line, one unit past the kink on its "
              "sloped side, follows the mouse. Open a unit below for exact sliders.");
  ImGui::SliderFloat(tr_id("offset c"), &offset_, -3, 3, "%.2f");
  for (int i = 0; i < units_; ++i) {
    Unit& u = units_params_[static_cast<size_t>(i)];
    ImGui::PushID(i);
    ImGui::PushStyleColor(ImGuiCol_Text, unit_color(i));
    bool open = ImGui::TreeNode("unit", "n%d: %.2f ReLU(%.2fx %c %.2f)", i + 1, static_cast<double>(u.a),
                                static_cast<double>(u.w), u.b < 0 ? '-' : '+', std::fabs(static_cast<double>(u.b)));
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) highlighted_ = i;
    if (open) {
      ImGui::SliderFloat(tr_id("a (height)"), &u.a, -3, 3, "%.2f");
      ImGui::SliderFloat(tr_id("w (slope)"), &u.w, -4, 4, "%.2f");
      if (has_kink(i)) {
        float kink_x = kink(i);
        if (ImGui::SliderFloat(tr_id("kink x"), &kink_x, kXMin, kXMax, "%.2f")) u.b = -u.w * kink_x;
      }
      ImGui::SliderFloat("b", &u.b, -8, 8, "%.2f");
      u = Unit{clamp_parameter(u.a), clamp_parameter(u.w), clamp_parameter(u.b)};
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
  offset_ = clamp_parameter(offset_);
}

// Vertical motion changes a by dy / |w|: the unit's slope is a |w| on its
// sloped side, so its value one unit past the kink follows the mouse.
ReluMode::Unit ReluMode::dragged(const Unit& start, float dx, float dy) {
  float start_kink = -start.b / start.w;
  return Unit{clamp_parameter(start.a + dy / std::max(std::fabs(start.w), 0.05f)), start.w,
              clamp_parameter(-start.w * (start_kink + dx))};
}

void ReluMode::draw() {
  Plot plot = Plot::fill_region(kViewX0, kViewX1, kViewY0, kViewY1);
  ImVec2 origin = plot.to_screen(0, 0), one = plot.to_screen(1, 1);
  ImVec2 mouse = ImGui::GetIO().MousePos;
  float mouse_x = (mouse.x - origin.x) / (one.x - origin.x), mouse_y = (mouse.y - origin.y) / (one.y - origin.y);
  auto marker_position = [&](int i) { return ImVec2(kink(i), std::clamp(evaluate(kink(i)), kViewY0, kViewY1)); };
  auto marker_visible = [&](int i) { return has_kink(i) && kink(i) >= kViewX0 && kink(i) <= kViewX1; };

  int nearest = -1;
  float best = kPickRadius * kPickRadius;
  for (int i = 0; i < units_ && plot.hovered(); ++i) {
    if (!marker_visible(i)) continue;
    ImVec2 p = marker_position(i), s = plot.to_screen(p.x, p.y);
    float d2 = (s.x - mouse.x) * (s.x - mouse.x) + (s.y - mouse.y) * (s.y - mouse.y);
    if (d2 < best) best = d2, nearest = i;
  }
  if (dragging_ < 0 && nearest >= 0 && ImGui::IsMouseClicked(0)) {
    dragging_ = nearest;
    drag_start_x_ = mouse_x, drag_start_y_ = mouse_y;
    drag_start_unit_ = units_params_[static_cast<size_t>(nearest)];
  }
  if (dragging_ >= 0) {
    if (ImGui::IsMouseDown(0) && dragging_ < units_) {
      units_params_[static_cast<size_t>(dragging_)] =
          dragged(drag_start_unit_, mouse_x - drag_start_x_, mouse_y - drag_start_y_);
    } else {
      dragging_ = -1;
    }
  }
  hovered_kink_ = dragging_ >= 0 ? dragging_ : nearest;
  int highlighted = hovered_kink_ >= 0 ? hovered_kink_ : highlighted_;

  plot.background();
  plot.grid_and_axes(1.0f);
  // The target, dashed: three of every six short segments.
  ImDrawList* draw_list = ImGui::GetWindowDrawList();
  draw_list->PushClipRect(plot.to_screen(kViewX0, kViewY1), plot.to_screen(kViewX1, kViewY0), true);
  const int segments = 216;
  for (int j = 0; j < segments; j += 6)
    for (int s = j; s < j + 3; ++s) {
      float xa = kViewX0 + (kViewX1 - kViewX0) * static_cast<float>(s) / segments;
      float xb = kViewX0 + (kViewX1 - kViewX0) * static_cast<float>(s + 1) / segments;
      draw_list->AddLine(plot.to_screen(xa, target_value(xa)), plot.to_screen(xb, target_value(xb)),
                         IM_COL32(190, 190, 190, 230), 2.0f);
    }
  draw_list->PopClipRect();

  for (int i = 0; i < units_; ++i)
    plot.curve([this, i](float x) { return unit_output(i, x); }, unit_color(i, i == highlighted ? 1.0f : 0.45f),
               i == highlighted ? 3.0f : 1.5f);
  plot.curve([this](float x) { return evaluate(x); }, IM_COL32(255, 255, 255, 255), 3.5f);

  for (int i = 0; i < units_; ++i) {
    if (!marker_visible(i)) continue;
    ImVec2 p = marker_position(i), s = plot.to_screen(p.x, p.y);
    float radius = i == highlighted ? 7.0f : 5.0f;
    draw_list->AddCircleFilled(s, radius, unit_color(i));
    draw_list->AddCircle(s, radius, IM_COL32(255, 255, 255, 220), 0, 1.5f);
  }
  if (hovered_kink_ >= 0) {
    const Unit& u = units_params_[static_cast<size_t>(hovered_kink_)];
    ImGui::SetTooltip(tr("n%d = %.2f ReLU(%.2fx %c %.2f), kink at x = %.2f\nleft/right: move the kink\nup/down: "
                         "bend the curve here (changes a)"),
                      hovered_kink_ + 1, static_cast<double>(u.a), static_cast<double>(u.w), u.b < 0 ? '-' : '+',
                      std::fabs(static_cast<double>(u.b)), static_cast<double>(kink(hovered_kink_)));
  }
  plot.legend(tr("white: f(x)   dashed: target   thin: units a_i ReLU(w_i x + b_i)   dots: kinks (drag)"));
}

void ReluMode::report(DemoReport& out) const {
  out.set("step", static_cast<double>(steps_));
  out.set("train_loss", diverged_ ? NAN : static_cast<double>(loss()));
  out.set("diverged", diverged_ ? 1 : 0);
}
