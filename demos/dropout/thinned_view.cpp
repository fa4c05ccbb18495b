// The thinned network of the latest training step (Srivastava et al. 2014,
// figure 1): the dropout network's masks for the first example of the
// mini-batch, dropped units greyed; the first units of each layer as a
// diagram whose dropped units lose all their links; and the whole batch's
// hidden-layer mask, one row per example, to show each example trains its
// own thinned network.
#include <algorithm>
#include <cmath>
#include <string>

#include "demos/dropout/dropout_demo.h"
#include "demos/dropout/view_common.h"
#include "imgui.h"

using namespace dropout_ui;

namespace {

constexpr int kDiagramUnits = 10;  // units per layer in the diagram

float kept_fraction(const Tensor& mask, int row) {
  if (mask.empty()) return 1;
  int width = mask.dim(1);
  float kept = 0;
  for (int j = 0; j < width; ++j) kept += mask[row * width + j];
  return kept / static_cast<float>(width);
}

float batch_kept_fraction(const Tensor& mask) {
  if (mask.empty()) return 1;
  float kept = 0;
  for (int i = 0; i < mask.size(); ++i) kept += mask[i];
  return kept / static_cast<float>(mask.size());
}

// Units of one layer as a square grid of cells: kept in colour, dropped grey.
void draw_unit_grid(ImDrawList* draw, ImVec2 min, float side, const Tensor& mask, int width) {
  int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(width))));
  float cell = side / static_cast<float>(columns);
  for (int j = 0; j < width; ++j) {
    bool kept = mask.empty() || mask[j] != 0.0f;
    ImVec2 a(min.x + cell * static_cast<float>(j % columns), min.y + cell * static_cast<float>(j / columns));
    draw->AddRectFilled(ImVec2(a.x + 0.5f, a.y + 0.5f), ImVec2(a.x + cell - 0.5f, a.y + cell - 0.5f),
                        kept ? color_u32(kDropoutColor) : kDroppedUnitColor);
  }
}

}  // namespace

void DropoutDemo::draw_thinned_view() {
  const std::vector<Tensor>& masks = trainer_.latest_masks();
  const std::vector<int>& batch = trainer_.latest_batch();
  const ClassificationData& data = trainer_.data();
  const DropoutNetwork& network = trainer_.network(Twin::Dropout);
  if (masks.empty() || batch.empty()) {
    ImGui::TextWrapped("%s", tr("Press Play or Step: each training step draws new masks for the dropout network."));
    return;
  }
  ImGui::TextWrapped(tr("Step %ld: the thinned network the dropout twin trained on the first example of this mini-batch. "
                        "Grey units are dropped: for this example they neither fire nor learn. Every step, and every "
                        "example in the batch, gets a new mask."),
                     trainer_.steps());
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImVec2 origin = ImGui::GetCursorScreenPos();

  // Row 1: the input and each hidden layer of the first example.
  int columns = static_cast<int>(masks.size());  // layer inputs: the pixels, then each hidden layer
  float block = std::min(150.0f, (avail.x - 20 * static_cast<float>(columns)) / static_cast<float>(columns));
  for (int l = 0; l < columns; ++l) {
    ImVec2 min(origin.x + static_cast<float>(l) * (block + 20), origin.y + 18);
    const Tensor& mask = masks[static_cast<size_t>(l)];
    int width = l == 0 ? data.inputs : network.config().hidden[static_cast<size_t>(l - 1)];
    std::string title = l == 0 ? i18n::format(tr("input (p = %.2f)"), static_cast<double>(network.drop_rate(0)))
                               : i18n::format(tr("hidden %d (p = %.2f)"), l, static_cast<double>(network.drop_rate(l)));
    draw->AddText(ImVec2(min.x, origin.y), kLabelColor, title.c_str());
    if (l == 0 && data.is_images()) {
      draw_grey_image(draw, min, block / static_cast<float>(data.image_cols), data.train_row(batch[0]), data.image_rows,
                      data.image_cols, mask.empty() ? nullptr : mask.data());
    } else {
      draw_unit_grid(draw, min, block, mask.empty() ? mask : mask.rows(0, 1), width);
    }
    int kept = static_cast<int>(std::lround(kept_fraction(mask, 0) * static_cast<float>(width)));
    std::string count = i18n::format(tr("%d / %d active"), kept, width);
    draw->AddText(ImVec2(min.x, min.y + block + 4), IM_COL32(235, 235, 235, 255), count.c_str());
    count = i18n::format(tr("batch %.1f%%, q = %.0f%%"), 100.0 * static_cast<double>(batch_kept_fraction(mask)),
                         100.0 * (1.0 - static_cast<double>(network.drop_rate(l))));
    draw->AddText(ImVec2(min.x, min.y + block + 20), kLabelColor, count.c_str());
  }
  float y = origin.y + 18 + block + 48;

  // Row 2: the first units of each layer, links only between units that are on.
  float diagram_height = std::min(230.0f, avail.y * 0.36f);
  draw->AddText(ImVec2(origin.x, y), kLabelColor,
                tr("The first 10 units of each layer (first example): links only between active units"));
  y += 20;
  const std::vector<Linear>& layers = network.layers();
  int diagram_columns = static_cast<int>(layers.size()) + 1;
  auto unit_position = [&](int column, int unit) {
    float x = origin.x + 30 + (avail.x - 60) * static_cast<float>(column) / static_cast<float>(diagram_columns - 1);
    return ImVec2(x, y + 10 + (diagram_height - 20) * static_cast<float>(unit) / (kDiagramUnits - 1));
  };
  // The diagram's input units: pixels along the image's middle row, or both coordinates.
  auto input_index = [&](int unit) {
    if (!data.is_images()) return unit;
    return (data.image_rows / 2) * data.image_cols + (data.image_cols * (unit + 2)) / (kDiagramUnits + 4);
  };
  auto units_in = [&](int column) {
    int width = column == 0 ? data.inputs : column < diagram_columns - 1 ? network.config().hidden[static_cast<size_t>(column - 1)] : data.classes;
    return std::min(kDiagramUnits, width);
  };
  auto unit_on = [&](int column, int unit) {
    if (column >= static_cast<int>(masks.size())) return true;  // outputs are never dropped
    const Tensor& mask = masks[static_cast<size_t>(column)];
    int index = column == 0 ? input_index(unit) : unit;
    return mask.empty() || mask[index] != 0.0f;
  };
  float largest = 1e-6f;
  for (int c = 0; c + 1 < diagram_columns; ++c) {
    const Tensor& w = layers[static_cast<size_t>(c)].weight.value;  // [in, out]
    for (int i = 0; i < units_in(c); ++i)
      for (int j = 0; j < units_in(c + 1); ++j)
        largest = std::max(largest, std::fabs(w[(c == 0 ? input_index(i) : i) * w.dim(1) + j]));
  }
  for (int c = 0; c + 1 < diagram_columns; ++c) {
    const Tensor& w = layers[static_cast<size_t>(c)].weight.value;
    for (int i = 0; i < units_in(c); ++i)
      for (int j = 0; j < units_in(c + 1); ++j) {
        if (!unit_on(c, i) || !unit_on(c + 1, j)) continue;
        float value = w[(c == 0 ? input_index(i) : i) * w.dim(1) + j], strength = std::fabs(value) / largest;
        draw->AddLine(unit_position(c, i), unit_position(c + 1, j),
                      color_u32(value >= 0 ? kDropoutColor : kPlainColor, 0.15f + 0.6f * strength), 0.5f + 2.0f * strength);
      }
  }
  for (int c = 0; c < diagram_columns; ++c) {
    std::string caption = i18n::format(tr("hidden %d"), c);
    if (c == 0) caption = data.is_images() ? tr("pixels") : "x, y";
    if (c + 1 == diagram_columns) caption = tr("output");
    ImVec2 bottom = unit_position(c, kDiagramUnits - 1);
    draw->AddText(ImVec2(bottom.x - ImGui::CalcTextSize(caption.c_str()).x * 0.5f, bottom.y + 10), kLabelColor,
                  caption.c_str());
    for (int i = 0; i < units_in(c); ++i) {
      bool on = unit_on(c, i);
      draw->AddCircleFilled(unit_position(c, i), 7, on ? IM_COL32(235, 235, 235, 255) : kDroppedUnitColor);
      if (!on) draw->AddLine(ImVec2(unit_position(c, i).x - 5, unit_position(c, i).y - 5),
                             ImVec2(unit_position(c, i).x + 5, unit_position(c, i).y + 5), IM_COL32(200, 80, 80, 255), 2);
    }
  }
  y += diagram_height + 26;

  // Row 3: hidden layer 1's mask for the whole batch.
  if (masks.size() > 1 && !masks[1].empty()) {
    const Tensor& mask = masks[1];
    HeatmapImage& image = batch_mask_image_;
    image.kind = HeatmapKind::Diverging;
    image.resize(mask.dim(1), mask.dim(0));
    for (int i = 0; i < mask.size(); ++i) image.texels[static_cast<size_t>(i)] = mask[i] != 0.0f ? 1.0f : 0.0f;  // kept: bright; dropped: dim
    ++image.version;
    std::string caption = i18n::format(tr("Hidden layer 1's mask for all %d examples of the batch (rows), %d units (columns)"),
                                       mask.dim(0), mask.dim(1));
    draw->AddText(ImVec2(origin.x, y), kLabelColor, caption.c_str());
    float height = std::max(40.0f, origin.y + avail.y - y - 24);
    draw_heatmap(ImVec2(origin.x, y + 18), ImVec2(origin.x + avail.x, y + 18 + height), image, kSlotBatchMask, false);
  }
  ImGui::Dummy(avail);
}
