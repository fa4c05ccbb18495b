// Train and test curves of both networks on one chart. Test is solid, train
// dashed, and the band between them (the generalisation gap, i.e.
// overfitting) is shaded in the network's colour; draw_chart_legend() says so.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "demos/dropout/dropout_demo.h"
#include "demos/dropout/view_common.h"
#include "demos/narrow_view.h"
#include "imgui.h"

using namespace dropout_ui;

namespace {

float value_of(const Metrics& m, bool errors, bool test) {
  if (errors) return test ? m.test_error : m.train_error;
  return test ? m.test_loss : m.train_loss;
}

}  // namespace

void dropout_ui::draw_chart_legend() {
  ImGui::TextColored(kPlainColor, "%s", tr("no dropout"));
  ImGui::SameLine();
  ImGui::TextColored(kDropoutColor, "%s", tr("dropout"));
  ImGui::SameLine();
  text_disabled_wrapped(tr("solid: test   dashed: train   shaded: the gap between them (overfitting)"));
}

// `title`: English, marked translatable() by the caller; it is also the chart's ImGui ID.
void DropoutDemo::draw_loss_chart(const char* title, bool errors, ImVec2 size) {
  ImGui::BeginGroup();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(title, ImVec2(std::max(size.x, 40.0f), std::max(size.y, 40.0f)));
  bool hovered = ImGui::IsItemHovered();
  // Room for the title above and the axis labels left and below.
  ImVec2 min(origin.x + 40, origin.y + 20), max(origin.x + size.x - 6, origin.y + size.y - 18);
  draw->AddText(ImVec2(origin.x, origin.y + 2), kLabelColor, tr(title));
  draw->AddRectFilled(min, max, IM_COL32(24, 26, 32, 255));
  draw->AddRect(min, max, IM_COL32(255, 255, 255, 50));

  const std::vector<HistoryPoint>& history = trainer_.history();
  float top = errors ? 0.05f : 0.1f;
  double last_epoch = 1;
  for (const HistoryPoint& point : history) last_epoch = std::max(last_epoch, point.epoch);
  for (const HistoryPoint& point : history) {
    // The untrained start (loss log 10, error 90%) would squash the part worth reading; it is clipped.
    if (point.epoch < 0.1 * last_epoch && history.size() > 5) continue;
    for (const Metrics& m : point.twin)
      for (bool test : {false, true})
        if (std::isfinite(value_of(m, errors, test))) top = std::max(top, value_of(m, errors, test));
  }
  top = errors ? std::min(1.0f, top * 1.05f) : top * 1.05f;
  auto to_screen = [&](double epoch, float value) {
    float v = std::isfinite(value) ? std::min(value, top) : top;
    return ImVec2(min.x + static_cast<float>(epoch / last_epoch) * (max.x - min.x), max.y - v / top * (max.y - min.y));
  };
  for (int tick = 0; tick <= 4; ++tick) {
    float v = top * static_cast<float>(tick) / 4;
    ImVec2 s = to_screen(0, v);
    draw->AddLine(ImVec2(min.x, s.y), ImVec2(max.x, s.y), IM_COL32(255, 255, 255, 20));
    char label[16];
    if (errors) std::snprintf(label, sizeof label, "%.0f%%", 100.0 * static_cast<double>(v));
    else std::snprintf(label, sizeof label, "%.2f", static_cast<double>(v));
    draw->AddText(ImVec2(origin.x, s.y - 7), kLabelColor, label);
  }
  std::string epochs = i18n::format(tr("epoch %.1f"), last_epoch);
  draw->AddText(ImVec2(max.x - ImGui::CalcTextSize(epochs.c_str()).x, max.y + 2), kLabelColor, epochs.c_str());
  draw->AddText(ImVec2(min.x, max.y + 2), kLabelColor, "0");

  draw->PushClipRect(min, max, true);
  for (int t = 0; t < 2; ++t) {
    ImVec4 color = t == 0 ? kPlainColor : kDropoutColor;
    std::vector<ImVec2> train, test;
    for (const HistoryPoint& point : history) {
      train.push_back(to_screen(point.epoch, value_of(point.twin[t], errors, false)));
      test.push_back(to_screen(point.epoch, value_of(point.twin[t], errors, true)));
    }
    ImDrawListFlags flags = draw->Flags;
    draw->Flags &= ~ImDrawListFlags_AntiAliasedFill;  // no seams between neighbouring quads
    for (size_t i = 1; i < train.size(); ++i)  // the gap, one quad per segment
      draw->AddQuadFilled(train[i - 1], train[i], test[i], test[i - 1], color_u32(color, 0.16f));
    draw->Flags = flags;
    dashed_polyline(draw, train, color_u32(color), 1.5f);
    if (test.size() >= 2) draw->AddPolyline(test.data(), static_cast<int>(test.size()), color_u32(color), ImDrawFlags_None, 2.5f);
  }
  draw->PopClipRect();

  // The values under the mouse.
  if (hovered && !history.empty()) {
    float u = std::clamp((ImGui::GetIO().MousePos.x - min.x) / (max.x - min.x), 0.0f, 1.0f);
    const HistoryPoint* nearest = &history.front();
    for (const HistoryPoint& point : history)
      if (std::fabs(point.epoch / last_epoch - u) < std::fabs(nearest->epoch / last_epoch - u)) nearest = &point;
    ImVec2 s = to_screen(nearest->epoch, 0);
    draw->AddLine(ImVec2(s.x, min.y), ImVec2(s.x, max.y), IM_COL32(255, 255, 255, 80));
    double scale = errors ? 100.0 : 1.0;
    ImGui::SetTooltip(tr("epoch %.1f\nno dropout: train %.3f  test %.3f\ndropout:    train %.3f  test %.3f"), nearest->epoch,
                      scale * value_of(nearest->twin[0], errors, false), scale * value_of(nearest->twin[0], errors, true),
                      scale * value_of(nearest->twin[1], errors, false), scale * value_of(nearest->twin[1], errors, true));
  }
  ImGui::EndGroup();
}
