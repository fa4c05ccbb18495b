// The Optimise tab: content, style and the output being optimised, the three
// loss terms per iteration, and saving the result.
#include <algorithm>
#include <cstdio>

#include "demos/help_marker.h"
#include "demos/i18n/tr.h"
#include "demos/narrow_view.h"
#include "demos/style_transfer/style_demo.h"
#include "demos/user_files.h"

void StyleDemo::draw_picture(const char* caption, const RgbImage& image, int slot, float side) {
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + side);  // a long title wraps above a small picture
  ImGui::TextWrapped("%s", caption);
  ImGui::PopTextWrapPos();
  ImVec2 at = ImGui::GetCursorScreenPos();
  float height = image.width > 0 ? side * static_cast<float>(image.height) / static_cast<float>(image.width) : side;
  if (image.width > 0) {
    draw_rgb_image(at, ImVec2(at.x + side, at.y + height), image, slot);
  } else {
    ImGui::GetWindowDrawList()->AddRect(at, ImVec2(at.x + side, at.y + height), IM_COL32(90, 90, 100, 255));
  }
  ImGui::Dummy(ImVec2(side, height));
  ImGui::EndGroup();
}

// A picture's caption: a built-in picture's title in the UI's language, or
// the name of the user's file as it is.
const char* StyleDemo::image_caption(ImageSlot slot) const {
  const std::string& label = images_.label(slot);
  return images_.from_user(slot) ? label.c_str() : tr(label.c_str());
}

void StyleDemo::draw_optimise_view() {
  float width = ImGui::GetContentRegionAvail().x;
  float spacing = ImGui::GetStyle().ItemSpacing.x;
  // The output gets as much room as the two inputs together.
  float small = std::clamp((width - 2 * spacing) / 4.0f, 48.0f, 220.0f);
  draw_picture(image_caption(ImageSlot::Content), content_picture_, 100, small);
  ImGui::SameLine();
  draw_picture(image_caption(ImageSlot::Style), style_picture_, 101, small);
  ImGui::SameLine();
  std::string caption = i18n::format(tr("output, iteration %d"), gatys_.iteration());
  draw_picture(caption.c_str(), gatys_.picture().width > 0 ? gatys_.picture() : content_picture_, 102, 2 * small);

  if (!gatys_.error().empty()) ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), tr("The background job failed: %s"), gatys_.error().c_str());
  if (!loss_network_ready()) ImGui::ProgressBar(loss_weights_.progress, ImVec2(-1, 0), tr("loading the loss network"));
  double total = content_weight_ * gatys_.content_loss() + style_weight_ * gatys_.style_loss() +
                 tv_weight_ * gatys_.tv_loss();
  ImGui::TextWrapped(tr("content %.4g   style %.4g   TV %.4g   total %.4g"), gatys_.content_loss(), gatys_.style_loss(),
                     gatys_.tv_loss(), total);
  help_marker("Each term before its weight: the content and style terms are relative errors (1 = as far as a "
              "black picture), TV the mean squared neighbour difference. total = alpha content + beta style + "
              "gamma TV is what the optimiser lowers.");
  std::string pace;
  if (gatys_.working()) pace = i18n::format(tr("  %.2f iterations/s, in the background"), gatys_.iterations_per_second());
  else if (gatys_.finished()) pace = std::string("  ") + tr("finished");
  if (!pace.empty()) {
    same_line_if_fits(ImGui::CalcTextSize(pace.c_str()).x);
    ImGui::TextDisabled("%s", pace.c_str());
  }
  if (gatys_.picture().width > 0) {
    if (ImGui::SmallButton(tr_id("Save PNG"))) save_png("style-transfer.png", gatys_.picture());
  }
  float chart_height = std::max(120.0f, ImGui::GetContentRegionAvail().y - 8);
  gatys_.curves().draw(tr("loss terms per iteration, before their weights (log scale)"),
                       ImVec2(width, std::min(chart_height, 260.0f)));
}
