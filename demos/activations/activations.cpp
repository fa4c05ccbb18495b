#include "demos/activations/activations.h"

#include <cmath>

#include "demos/i18n/tr.h"
#include "demos/plot.h"
#include "imgui.h"

namespace {

const char* const kNames[] = {"sigmoid", "tanh", "relu", "leaky_relu", "gelu", "linear"};
const char* const kLabels[] = {"sigmoid", "tanh", "ReLU", "leaky ReLU (0.01)", translatable("GELU (tanh approx.)"),
                                translatable("linear")};
constexpr int kCount = 6;
constexpr ImU32 kCurveColors[kCount] = {IM_COL32(120, 200, 255, 255), IM_COL32(255, 170, 90, 255),
                                        IM_COL32(130, 230, 130, 255), IM_COL32(230, 130, 230, 255),
                                        IM_COL32(250, 230, 110, 255), IM_COL32(200, 200, 200, 255)};

}  // namespace

const char* ActivationsDemo::explanation() const {
  return translatable(
      "A layer computes h = f(Wx + b). Without the nonlinearity f, two layers W2(W1 x + b1) + b2 are "
      "again one linear map, so depth would add nothing. The derivative f'(x) (the faint curve) is what "
      "backpropagation multiplies by at every layer: sigmoid's never exceeds 0.25 and tanh's is 1 "
      "only at 0, so deep stacks of them shrink gradients (vanishing gradients), while ReLU passes a "
      "gradient of exactly 1 wherever it is active and 0 where it is not (a 'dead' unit).");
}

void ActivationsDemo::declare_state(StateFields& f) {
  f.choice("fn", &function_, {kNames, kNames + kCount}, 2);
  f.boolean("deriv", &show_derivative_, true);
  f.boolean("all", &compare_all_, false);
  f.number("range", &range_, 4.0f, 1.0f, 10.0f);
  f.number("x", &probe_x_, 0.5f, -10.0f, 10.0f);
}

void ActivationsDemo::controls() {
  const char* labels[kCount];
  for (int i = 0; i < kCount; ++i) labels[i] = tr(kLabels[i]);
  ImGui::Combo(tr_id("function"), &function_, labels, kCount);
  ImGui::Checkbox(tr_id("show derivative"), &show_derivative_);
  ImGui::Checkbox(tr_id("compare all"), &compare_all_);
  ImGui::SliderFloat(tr_id("x range"), &range_, 1, 10, "+/- %.1f");
  ImGui::SliderFloat(tr_id("probe x"), &probe_x_, -range_, range_, "%.2f");
  Activation a = static_cast<Activation>(function_);
  ImGui::Separator();
  ImGui::Text("f(%.2f)  = %.4f", probe_x_, activation_value(a, probe_x_));
  ImGui::Text("f'(%.2f) = %.4f", probe_x_, activation_derivative(a, probe_x_));
}

void ActivationsDemo::draw() {
  Plot plot = Plot::fill_region(-range_, range_, -1.5f, 2.5f);
  plot.background();
  plot.grid_and_axes(1.0f);
  for (int i = 0; i < kCount; ++i) {
    if (!compare_all_ && i != function_) continue;
    Activation a = static_cast<Activation>(i);
    plot.curve([a](float x) { return activation_value(a, x); }, kCurveColors[i], i == function_ ? 3.0f : 1.5f);
    if (show_derivative_ && i == function_) {
      ImU32 faded = (kCurveColors[i] & 0x00FFFFFF) | 0x90000000;
      plot.curve([a](float x) { return activation_derivative(a, x); }, faded, 1.5f);
    }
  }
  Activation a = static_cast<Activation>(function_);
  plot.ring(probe_x_, activation_value(a, probe_x_), IM_COL32(255, 255, 255, 255), 6);
  plot.legend(show_derivative_ ? tr("bright: f(x)   faint: f'(x)   ring: probe x") : tr("f(x)   ring: probe x"));
}

void ActivationsDemo::report(DemoReport& out) const {
  Activation a = static_cast<Activation>(function_);
  out.set("value", activation_value(a, probe_x_));
  out.set("derivative", activation_derivative(a, probe_x_));
}
