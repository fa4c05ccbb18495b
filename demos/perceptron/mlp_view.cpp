// Drawing of the MLP mode: network diagram with a heat map per neuron, the
// decision boundary over the data, and the loss curves.
#include <algorithm>
#include <cmath>
#include <string>

#include "demos/heatmap.h"
#include "demos/i18n/tr.h"
#include "demos/perceptron/mlp_mode.h"
#include "imgui.h"

namespace {

constexpr int kOutputSlot = 0;
constexpr int kNeuronSlotBase = 100;  // + column * 16 + neuron
constexpr float kChartHeight = 110;

ImU32 with_alpha(ImVec4 c, float alpha) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.x, c.y, c.z, alpha)); }

}  // namespace

void MlpMode::draw() {
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  float side = std::min(avail.y - kChartHeight - 50, avail.x * 0.46f);
  float diagram_width = avail.x - side - 28;
  if (side < 160) {  // narrow (embedded): stack the diagram under the plot
    diagram_width = avail.x;
    side = std::max(120.0f, std::min(avail.x, avail.y * 0.55f));
    draw_decision_plot(origin, side);
    draw_network_diagram(ImVec2(origin.x, origin.y + side + 12), ImVec2(avail.x, avail.y - side - 12));
    return;
  }
  draw_network_diagram(origin, ImVec2(diagram_width, avail.y));
  ImVec2 plot_origin(origin.x + diagram_width + 16, origin.y);
  draw_decision_plot(plot_origin, side);
  draw_loss_chart(ImVec2(plot_origin.x, plot_origin.y + side + 30), ImVec2(side, kChartHeight));
}

void MlpMode::draw_decision_plot(ImVec2 origin, float side) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 max(origin.x + side, origin.y + side);
  ImGui::SetCursorScreenPos(origin);
  ImGui::InvisibleButton("decision_plot", ImVec2(side, side),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  auto to_screen = [&](float x, float y) {
    return ImVec2(origin.x + (x + kDomain) / (2 * kDomain) * side, origin.y + (kDomain - y) / (2 * kDomain) * side);
  };
  auto to_data = [&](ImVec2 s) {
    return ImVec2((s.x - origin.x) / side * 2 * kDomain - kDomain, kDomain - (s.y - origin.y) / side * 2 * kDomain);
  };
  // A left click adds a point; a right click removes the user's nearest one
  // (on a touch screen a long press is the right click: app/touch_gestures.h).
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsItemDeactivated() && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    ImVec2 p = to_data(io.MousePos);
    add_user_point(p.x, p.y);
  }
  if (ImGui::IsItemClicked(ImGuiMouseButton_Right)) {
    ImVec2 p = to_data(io.MousePos);
    remove_user_point_near(p.x, p.y, 0.4f);
  }

  draw_heatmap(origin, max, model_.output_heatmap(), kOutputSlot, discretize_);
  draw->PushClipRect(origin, max, true);
  auto dot = [&](float x, float y, int label, bool hollow) {
    ImVec2 s = to_screen(x, y);
    ImU32 color = ImGui::ColorConvertFloat4ToU32(kHeatmapPalette[std::clamp(label, 0, 4)]);
    if (hollow) {
      draw->AddCircle(s, 3.5f, color, 0, 1.5f);
    } else {
      draw->AddCircleFilled(s, 3.5f, color);
      draw->AddCircle(s, 3.5f, IM_COL32(255, 255, 255, 200));
    }
  };
  const Dataset2D& train = model_.train_set();
  for (int i = 0; i < train.size(); ++i) dot(train.x[2 * i], train.x[2 * i + 1], train.label[i], false);
  if (show_test_) {
    const Dataset2D& test = model_.test_set();
    for (int i = 0; i < test.size(); ++i) dot(test.x[2 * i], test.x[2 * i + 1], test.label[i], true);
  }
  for (const UserPoint& p : user_points_) draw->AddCircle(to_screen(p.x, p.y), 6.5f, IM_COL32(255, 255, 255, 255), 0, 2);
  draw->PopClipRect();
  draw->AddRect(origin, max, IM_COL32(255, 255, 255, 70));
  for (int v : {-6, 0, 6}) {
    char label[8];
    std::snprintf(label, sizeof label, "%d", v);
    ImVec2 sx = to_screen(static_cast<float>(v), -kDomain), sy = to_screen(-kDomain, static_cast<float>(v));
    draw->AddText(ImVec2(sx.x - 4, max.y + 2), IM_COL32(170, 170, 170, 255), label);
    draw->AddText(ImVec2(origin.x - 18, sy.y - 7), IM_COL32(170, 170, 170, 255), label);
  }
}

void MlpMode::draw_network_diagram(ImVec2 origin, ImVec2 size) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const auto& maps = model_.neuron_heatmaps();
  const auto& layers = model_.layers();
  int columns = static_cast<int>(layers.size()) + 1;  // inputs, hidden layers, output
  if (maps.empty()) return;
  float node = std::clamp(std::min(size.y / 12.0f, (size.x - 60) / (static_cast<float>(columns) * 1.7f)), 12.0f, 34.0f);
  float gap = node * 0.45f;
  float left = origin.x + 46, right = origin.x + size.x - node - 6;
  auto column_x = [&](int c) { return columns == 1 ? left : left + (right - left) * static_cast<float>(c) / static_cast<float>(columns - 1); };
  auto column_count = [&](int c) { return c < columns - 1 ? static_cast<int>(maps[static_cast<size_t>(c)].size()) : 1; };
  auto node_min = [&](int c, int j) {
    float total = static_cast<float>(column_count(c)) * (node + gap) - gap;
    float top = origin.y + 24 + std::max(0.0f, (size.y - 40 - total) * 0.5f);
    return ImVec2(column_x(c), top + static_cast<float>(j) * (node + gap));
  };

  // Links: blue for positive weights, orange for negative, width by |w|.
  float largest = 1e-6f;
  for (const Linear& layer : layers)
    for (int i = 0; i < layer.weight.value.size(); ++i) largest = std::max(largest, std::fabs(layer.weight.value[i]));
  for (int l = 0; l < static_cast<int>(layers.size()); ++l) {
    const Tensor& w = layers[static_cast<size_t>(l)].weight.value;  // [in, out]
    int in = w.dim(0), out = w.dim(1);
    for (int i = 0; i < in && i < column_count(l); ++i)
      for (int j = 0; j < out && j < column_count(l + 1); ++j) {
        float value = w[i * out + j], strength = std::fabs(value) / largest;
        ImVec2 a = node_min(l, i), b = node_min(l + 1, j);
        a = ImVec2(a.x + node, a.y + node * 0.5f);
        b = ImVec2(b.x, b.y + node * 0.5f);
        // Straight lines: a 6x8 network has ~400 links, and curves cost software renderers real frame time.
        draw->AddLine(a, b, with_alpha(kHeatmapPalette[value >= 0 ? 1 : 0], 0.25f + 0.7f * strength),
                      0.6f + 3.4f * strength);
      }
  }

  // Nodes: what each input and neuron computes over the plane.
  for (int c = 0; c < columns; ++c) {
    for (int j = 0; j < column_count(c); ++j) {
      ImVec2 a = node_min(c, j), b(a.x + node, a.y + node);
      const HeatmapImage& image = c < columns - 1 ? maps[static_cast<size_t>(c)][static_cast<size_t>(j)] : model_.output_heatmap();
      draw_heatmap(a, b, image, kNeuronSlotBase + c * 16 + j, discretize_ && c == columns - 1);
      draw->AddRect(a, b, IM_COL32(255, 255, 255, 90));
      if (c == 0) {
        const char* label = feature_label(model_.input_feature(j));
        draw->AddText(ImVec2(a.x - ImGui::CalcTextSize(label).x - 6, a.y + node * 0.5f - 7), IM_COL32(220, 220, 220, 255), label);
      }
      if (ImGui::IsMouseHoveringRect(a, b)) {
        if (c == 0) ImGui::SetTooltip(tr("input: %s"), feature_label(model_.input_feature(j)));
        else if (c < columns - 1) ImGui::SetTooltip(tr("hidden layer %d, neuron %d"), c, j + 1);
        else ImGui::SetTooltip("%s", tr("output"));
      }
    }
    bool narrow = (right - left) / static_cast<float>(std::max(1, columns - 1)) < 64;
    std::string caption = c == 0              ? (narrow ? tr("in") : tr("features"))
                          : c == columns - 1 ? tr("out")
                                             : i18n::format(narrow ? tr("L%d") : tr("layer %d"), c);
    draw->AddText(ImVec2(column_x(c), origin.y + 4), IM_COL32(170, 170, 170, 255), caption.c_str());

    // +/- under each hidden layer: neurons are added and removed in the diagram itself.
    if (c > 0 && c < columns - 1) {
      int& count = neurons_[c - 1];
      ImVec2 last = node_min(c, column_count(c) - 1);
      ImGui::SetCursorScreenPos(ImVec2(column_x(c) - 2, last.y + node + 6));
      ImGui::PushID(c);
      if (ImGui::SmallButton("+") && count < kMaxNeurons) ++count;
      ImGui::SameLine(0, 2);
      if (ImGui::SmallButton("-") && count > 1) --count;
      ImGui::PopID();
    }
  }
  // ... and whole layers, beside the output.
  ImGui::SetCursorScreenPos(ImVec2(origin.x + size.x - 74, origin.y + size.y - 26));
  if (ImGui::SmallButton(tr_id("+layer")) && hidden_layers_ < kMaxHiddenLayers) ++hidden_layers_;
  ImGui::SameLine(0, 2);
  if (ImGui::SmallButton(tr_id("-layer")) && hidden_layers_ > 0) --hidden_layers_;
}

void MlpMode::draw_loss_chart(ImVec2 origin, ImVec2 size) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 max(origin.x + size.x, origin.y + size.y);
  draw->AddRectFilled(origin, max, ImGui::ColorConvertFloat4ToU32(kHeatmapBackground));
  draw->AddRect(origin, max, IM_COL32(255, 255, 255, 50));
  const std::vector<float>& train = model_.train_loss_history();
  const std::vector<float>& test = model_.test_loss_history();
  float top = 1e-3f;
  for (const std::vector<float>* series : {&train, &test})
    for (float v : *series)
      if (std::isfinite(v)) top = std::max(top, v);
  auto polyline = [&](const std::vector<float>& values, ImU32 color) {
    if (values.size() < 2) return;
    std::vector<ImVec2> points;
    for (size_t i = 0; i < values.size(); ++i) {
      float v = std::isfinite(values[i]) ? values[i] : top;
      points.emplace_back(origin.x + size.x * static_cast<float>(i) / static_cast<float>(values.size() - 1),
                          max.y - (size.y - 4) * v / top);
    }
    draw->AddPolyline(points.data(), static_cast<int>(points.size()), color, ImDrawFlags_None, 1.5f);
  };
  polyline(test, ImGui::ColorConvertFloat4ToU32(kHeatmapPalette[0]));
  polyline(train, IM_COL32(235, 235, 235, 255));
  std::string legend = i18n::format(tr("loss  train %.3f (white)  test %.3f (orange)"),
                                    static_cast<double>(model_.train_loss()), static_cast<double>(model_.test_loss()));
  if (ImGui::CalcTextSize(legend.c_str()).x > size.x)  // a narrow chart: train / test in their colours above
    legend = i18n::format(tr("loss %.3f / %.3f"), static_cast<double>(model_.train_loss()),
                          static_cast<double>(model_.test_loss()));
  draw->AddText(ImVec2(origin.x, origin.y - 17), IM_COL32(200, 200, 200, 255), legend.c_str());
}
