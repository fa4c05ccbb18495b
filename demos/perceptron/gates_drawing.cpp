#include "demos/perceptron/gates_drawing.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "demos/plot.h"

namespace {

constexpr float kNodeRadius = 22;
constexpr ImU32 kNodeFill = IM_COL32(36, 40, 52, 255);
constexpr ImU32 kTextColor = IM_COL32(230, 230, 230, 255);

std::string number_text(float value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", static_cast<double>(value));
  return text;
}

// Text centred on `centre`, over a dark box so it stays readable on links.
void boxed_text(ImDrawList* draw, ImVec2 centre, const std::string& text, ImU32 color) {
  ImVec2 size = ImGui::CalcTextSize(text.c_str());
  ImVec2 at(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f);
  draw->AddRectFilled(ImVec2(at.x - 2, at.y - 1), ImVec2(at.x + size.x + 2, at.y + size.y + 1), IM_COL32(20, 22, 28, 230),
                      3);
  draw->AddText(at, color, text.c_str());
}

void node(ImDrawList* draw, ImVec2 centre, const std::string& label, ImU32 outline) {
  draw->AddCircleFilled(centre, kNodeRadius, kNodeFill);
  draw->AddCircle(centre, kNodeRadius, outline, 0, 2.0f);
  ImVec2 size = ImGui::CalcTextSize(label.c_str());
  draw->AddText(ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f), kTextColor, label.c_str());
}

// Centres of `count` nodes in a column at x, spread over [top, bottom].
std::vector<ImVec2> column(float x, int count, float top, float bottom) {
  std::vector<ImVec2> out;
  for (int i = 0; i < count; ++i) {
    float t = count == 1 ? 0.5f : static_cast<float>(i) / static_cast<float>(count - 1);
    out.emplace_back(x, top + t * (bottom - top));
  }
  return out;
}

}  // namespace

void draw_network_diagram(const NetworkDiagram& net, float height) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float width = std::max(ImGui::GetContentRegionAvail().x, 200.0f);
  ImGui::Dummy(ImVec2(width, height));

  float line = ImGui::GetTextLineHeight();
  draw->AddText(origin, IM_COL32(200, 200, 200, 255), net.caption.c_str());
  // Rows of nodes between the caption and the bias labels under the lowest node.
  float top = origin.y + line + 8 + kNodeRadius, bottom = origin.y + height - kNodeRadius - line - 6;
  float left = origin.x + 40, right = origin.x + width - 90;
  int columns = static_cast<int>(net.layers.size()) + 1;
  auto column_x = [&](int c) { return left + (right - left) * static_cast<float>(c) / static_cast<float>(columns - 1); };

  std::vector<ImVec2> previous = column(column_x(0), 2, top, bottom);
  const char* input_names[2] = {"x1", "x2"};
  for (int i = 0; i < 2; ++i) node(draw, previous[i], input_names[i], IM_COL32(180, 180, 180, 255));

  for (int c = 0; c < static_cast<int>(net.layers.size()); ++c) {
    const std::vector<DiagramUnit>& layer = net.layers[static_cast<size_t>(c)];
    std::vector<ImVec2> centres = column(column_x(c + 1), static_cast<int>(layer.size()), top, bottom);
    for (size_t u = 0; u < layer.size(); ++u) {
      for (size_t s = 0; s < previous.size() && s < layer[u].weights.size(); ++s) {
        float w = layer[u].weights[s];
        ImVec2 from = previous[s], to = centres[u];
        float dx = to.x - from.x, dy = to.y - from.y, d = std::sqrt(dx * dx + dy * dy);
        ImVec2 a(from.x + dx / d * kNodeRadius, from.y + dy / d * kNodeRadius);
        ImVec2 b(to.x - dx / d * kNodeRadius, to.y - dy / d * kNodeRadius);
        draw->AddLine(a, b, w >= 0 ? kColorPositive : kColorNegative, 1.0f + std::min(std::fabs(w), 6.0f) * 0.6f);
        // A third of the way along: crossing links keep their labels apart.
        boxed_text(draw, ImVec2(from.x + dx * 0.33f, from.y + dy * 0.33f), number_text(w), kTextColor);
      }
    }
    for (size_t u = 0; u < layer.size(); ++u) {
      node(draw, centres[u], layer[u].label, layer[u].outline);
      std::string bias = "b=" + number_text(layer[u].bias);
      ImVec2 size = ImGui::CalcTextSize(bias.c_str());
      draw->AddText(ImVec2(centres[u].x - size.x * 0.5f, centres[u].y + kNodeRadius + 3), IM_COL32(200, 200, 200, 255),
                    bias.c_str());
    }
    previous = centres;
  }

  if (previous.size() == 1) {
    ImVec2 from(previous[0].x + kNodeRadius, previous[0].y), to(from.x + 26, from.y);
    draw->AddLine(from, to, kTextColor, 1.5f);
    draw->AddTriangleFilled(to, ImVec2(to.x - 7, to.y - 4), ImVec2(to.x - 7, to.y + 4), kTextColor);
    draw->AddText(ImVec2(to.x + 4, to.y - line * 0.5f), kTextColor, net.output_label);
  }
}

void tick_or_cross(bool right) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  float size = ImGui::GetTextLineHeight();
  ImVec2 p = ImGui::GetCursorScreenPos();
  if (right) {
    ImU32 green = IM_COL32(90, 220, 110, 255);
    draw->AddLine(ImVec2(p.x + size * 0.15f, p.y + size * 0.55f), ImVec2(p.x + size * 0.4f, p.y + size * 0.8f), green, 2.0f);
    draw->AddLine(ImVec2(p.x + size * 0.4f, p.y + size * 0.8f), ImVec2(p.x + size * 0.9f, p.y + size * 0.2f), green, 2.0f);
  } else {
    ImU32 red = IM_COL32(240, 80, 80, 255);
    draw->AddLine(ImVec2(p.x + size * 0.2f, p.y + size * 0.2f), ImVec2(p.x + size * 0.8f, p.y + size * 0.8f), red, 2.0f);
    draw->AddLine(ImVec2(p.x + size * 0.8f, p.y + size * 0.2f), ImVec2(p.x + size * 0.2f, p.y + size * 0.8f), red, 2.0f);
  }
  ImGui::Dummy(ImVec2(size, size));
}
