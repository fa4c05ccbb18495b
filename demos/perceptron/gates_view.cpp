// GatesMode's main view: the network diagram above, the unit square below.
#include "demos/perceptron/gates_mode.h"

#include <algorithm>
#include <cstdio>

#include "demos/i18n/tr.h"
#include "demos/plot.h"
#include "imgui.h"

namespace {

constexpr ImU32 kWrongRing = IM_COL32(255, 60, 60, 255);

}  // namespace

NetworkDiagram GatesMode::diagram() const {
  NetworkDiagram net;
  switch (shown()) {
    case Shown::SingleUnit:
      net.caption = tr("h = step(w0 + w1 x1 + w2 x2): 1 if positive, else 0");
      // For XOR the unit is not XOR, only one line's best attempt.
      net.layers = {{{gate() == Gate::Xor ? "h" : gate_name(gate()), w0_, {w1_, w2_}, IM_COL32(255, 255, 255, 255)}}};
      net.output_label = gate() == Gate::Xor ? "XOR?" : "h";
      break;
    case Shown::HandBuilt: {
      HandBuiltXor x;
      net.caption = tr("every unit: step(b + w.inputs), 1 if positive, else 0");
      net.layers = {{{"OR", x.hidden_or.w0, {x.hidden_or.w1, x.hidden_or.w2}, kHiddenColors[0]},
                     {"NAND", x.hidden_nand.w0, {x.hidden_nand.w1, x.hidden_nand.w2}, kHiddenColors[1]}},
                    {{"AND", x.output_and.w0, {x.output_and.w1, x.output_and.w2}, IM_COL32(255, 255, 255, 255)}}};
      net.output_label = "XOR";
      break;
    }
    case Shown::Learned: {
      net.caption = i18n::format(tr("hidden: %s(b + w.x)   output: 1 if b + v.h > 0"),
                                 learner_.activation() == Activation::Tanh ? "tanh" : "sigmoid");
      std::vector<DiagramUnit> hidden;
      for (int j = 0; j < 2; ++j)
        hidden.push_back({j == 0 ? "h1" : "h2", learner_.hidden_bias(j),
                          {learner_.hidden_weight(0, j), learner_.hidden_weight(1, j)}, kHiddenColors[j]});
      net.layers = {hidden,
                    {{tr("out"), learner_.output_bias(), {learner_.output_weight(0), learner_.output_weight(1)},
                      IM_COL32(255, 255, 255, 255)}}};
      net.output_label = "y";
      break;
    }
  }
  return net;
}

void GatesMode::draw() {
  draw_network_diagram(diagram(), 170);
  ImGui::Spacing();
  // A square plot below, drawn inside its own child so the corner labels can
  // go over the shading (Plot::fill_square_region would close the child first).
  ImVec2 avail = ImGui::GetContentRegionAvail();
  float legend = ImGui::GetTextLineHeightWithSpacing();
  float side = std::max(std::min(avail.x, avail.y - legend), 32.0f);
  const ImVec2 view_min = ImGui::GetCursorScreenPos(), view_max(view_min.x + avail.x, view_min.y + avail.y);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail.x - side) * 0.5f));
  ImGui::BeginChild("gates_plot", ImVec2(side, side + legend), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  Plot plot = Plot::fill_region(-0.5f, 1.5f, -0.5f, 1.5f);
  plot.shade_by_sign([this](float x1, float x2) { return shown_score(x1, x2); });
  plot.grid_and_axes(0.5f);
  switch (shown()) {
    case Shown::SingleUnit:
    {
      plot.line_where_zero(w1_, w2_, w0_, IM_COL32(255, 255, 255, 255));
      // The arrow starts where the line is closest to the origin; off the plot, it is not drawn.
      float norm2 = w1_ * w1_ + w2_ * w2_, foot_x = -w1_ * w0_ / norm2, foot_y = -w2_ * w0_ / norm2;
      if (norm2 > 0 && foot_x > -0.45f && foot_x < 1.45f && foot_y > -0.45f && foot_y < 1.45f)
        plot.weight_arrow(w1_, w2_, w0_);
      break;
    }
    case Shown::HandBuilt: {
      HandBuiltXor x;
      plot.line_where_zero(x.hidden_or.w1, x.hidden_or.w2, x.hidden_or.w0, kHiddenColors[0]);
      plot.line_where_zero(x.hidden_nand.w1, x.hidden_nand.w2, x.hidden_nand.w0, kHiddenColors[1]);
      break;
    }
    case Shown::Learned:
      for (int j = 0; j < 2; ++j)
        plot.line_where_zero(learner_.hidden_weight(0, j), learner_.hidden_weight(1, j), learner_.hidden_bias(j),
                             kHiddenColors[j]);
      break;
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // The corner labels and the legend may use the view's margins beside a small
  // square (a short embed), instead of being cut at its edge.
  draw->PushClipRect(view_min, view_max, false);
  for (const auto& row : kTruthRows) {
    float x1 = static_cast<float>(row[0]), x2 = static_cast<float>(row[1]);
    int truth = gate_truth(gate(), row[0], row[1]);
    bool right = (shown_score(x1, x2) > 0 ? 1 : 0) == truth;
    ImVec2 s = plot.to_screen(x1, x2);
    draw->AddCircleFilled(s, 10, truth ? kColorPositive : kColorNegative);
    draw->AddCircle(s, 10, IM_COL32(255, 255, 255, 230), 0, 2.0f);
    if (!right) plot.ring(x1, x2, kWrongRing, 16);
    char label[32];
    std::snprintf(label, sizeof label, "(%d,%d) -> %d", row[0], row[1], truth);
    ImVec2 size = ImGui::CalcTextSize(label);
    ImVec2 at(row[0] == 0 ? s.x - size.x - 20 : s.x + 20, row[1] == 0 ? s.y + 14 : s.y - 14 - size.y);
    draw->AddText(at, IM_COL32(255, 255, 255, 255), label);
  }
  plot.legend(shown() == Shown::SingleUnit ? tr("blue: gate gives 1   orange: 0   red ring: unit is wrong")
                                           : tr("blue: gate gives 1   orange: 0   red ring: network is wrong"));
  draw->PopClipRect();
  ImGui::EndChild();
}
