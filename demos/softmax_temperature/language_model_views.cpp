// Drawing the language-model tab: the prompt, continuations at several
// temperatures side by side, the next-character distribution at temperature
// T, and training in the browser with its loss curve.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <numeric>

#include "demos/help_marker.h"
#include "demos/i18n/tr.h"
#include "demos/narrow_view.h"
#include "demos/softmax_temperature/language_model_panel.h"
#include "demos/softmax_temperature/language_model_panel_impl.h"
#include "engine/ops/softmax.h"
#include "imgui.h"

using namespace lm_panel;

namespace {

const ImVec4 kWarningColor(1.0f, 0.45f, 0.4f, 1.0f);
const ImVec4 kSliderColor(0.98f, 0.78f, 0.30f, 1.0f);  // whatever follows the demo's T slider
const ImVec4 kTrainColor(0.95f, 0.58f, 0.14f, 1.0f);
const ImVec4 kHeldOutColor(0.25f, 0.63f, 0.92f, 1.0f);
constexpr ImU32 kLabelColor = IM_COL32(190, 190, 190, 255);
constexpr ImU32 kPanelColor = IM_COL32(24, 26, 32, 255);

ImU32 to_u32(ImVec4 c) { return ImGui::ColorConvertFloat4ToU32(c); }

// How a character reads in a chart label.
std::string describe(char c) {
  if (c == '\n') return tr("new line");
  if (c == ' ') return tr("space");
  return std::string("'") + c + "'";
}

std::string temperature_title(float t, bool slider) {
  char text[64];
  if (t <= kGreedyTemperature) std::snprintf(text, sizeof text, "%s", tr("T -> 0 (greedy)"));
  else std::snprintf(text, sizeof text, slider ? tr("T = %.2f (slider)") : "T = %.1f", static_cast<double>(t));
  return text;
}

void draw_prompt(LanguageModelPanel::Impl& m) {
  if (m.prompt != m.prompt_shown) {  // the URL or a reset changed it
    std::snprintf(m.prompt_buffer, sizeof m.prompt_buffer, "%s", m.prompt.c_str());
    m.prompt_shown = m.prompt;
    m.prompt_rejected = false;
  }
  const float avail = ImGui::GetContentRegionAvail().x;
  ImGui::SetNextItemWidth(avail < kStackedViewWidth ? avail - 110 : std::min(avail * 0.45f, 520.0f));
  if (ImGui::InputText(tr_id("prompt"), m.prompt_buffer, sizeof m.prompt_buffer)) {
    std::string typed(m.prompt_buffer);
    m.prompt_rejected = !prompt_valid(typed);
    if (!m.prompt_rejected) m.prompt = m.prompt_shown = typed;
  }
  help_marker("The model reads the prompt character by character, then writes on from there. Its alphabet is "
              "printable ASCII (letters, digits, punctuation, space); it learned from Pride and Prejudice.");
  same_line_if_fits(90 + ImGui::CalcTextSize(tr("length")).x + ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::SetNextItemWidth(90);
  ImGui::SliderInt(tr_id("length"), &m.length, 10, 400);
  same_line_if_fits(ImGui::CalcTextSize(tr("Regenerate")).x + 2 * ImGui::GetStyle().FramePadding.x);
  if (ImGui::Button(tr_id("Regenerate"))) m.sample_seed = m.sample_seed % 999999 + 1;
  const std::string seed = i18n::format(tr("seed %d"), m.sample_seed);
  same_line_if_fits(ImGui::CalcTextSize(seed.c_str()).x);
  ImGui::TextDisabled("%s", seed.c_str());
  if (m.prompt_rejected)
    ImGui::TextColored(kWarningColor, "%s",
                       tr("Only printable ASCII characters (no accents, no line breaks); the model keeps the last "
                          "valid prompt."));
}

void draw_continuations(LanguageModelPanel::Impl& m) {
  if (!m.sampler) return;
  const std::vector<float>& temperatures = m.sampler->temperatures();
  const int columns = static_cast<int>(temperatures.size());
  if (!ImGui::BeginTable("continuations", columns, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame))
    return;
  for (int c = 0; c < columns; ++c)
    ImGui::TableSetupColumn(temperature_title(temperatures[c], c == columns - 1).c_str());
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int c = 0; c < columns; ++c) {
    ImGui::TableSetColumnIndex(c);
    const bool slider = c == columns - 1;
    if (slider) ImGui::PushStyleColor(ImGuiCol_Text, kSliderColor);
    ImGui::TableHeader(ImGui::TableGetColumnName(c));
    if (slider) ImGui::PopStyleColor();
  }
  ImGui::TableNextRow();
  for (int c = 0; c < columns; ++c) {
    ImGui::TableSetColumnIndex(c);
    ImGui::TextWrapped("...%s", m.sampler->continuations()[c].c_str());
  }
  ImGui::EndTable();
  if (!m.sampler->done())
    ImGui::ProgressBar(static_cast<float>(m.sampler->produced()) / static_cast<float>(std::max(1, m.length)),
                       ImVec2(-1, 0), tr("sampling..."));
}

// Bars of softmax(z / T) for the most likely characters, ordered by logit:
// dividing by T never reorders them, so the bars stay put and only their
// lengths move as T changes. A thin mark shows each bar at T = 1.
void draw_next_character(const LanguageModelPanel::Impl& m, ImVec2 size) {
  const int count = static_cast<int>(m.next_logits.size());
  if (count == 0) return;
  std::vector<float> at_t(static_cast<size_t>(count)), at_one(static_cast<size_t>(count));
  const float t = std::max(m.temperature, kGreedyTemperature);
  softmax_values(m.next_logits.data(), count, t, at_t.data());
  softmax_values(m.next_logits.data(), count, 1.0f, at_one.data());
  std::vector<int> order(static_cast<size_t>(count));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return m.next_logits[a] > m.next_logits[b]; });
  double entropy_bits = 0;
  for (float p : at_t)
    if (p > 0) entropy_bits -= static_cast<double>(p) * std::log2(static_cast<double>(p));

  ImGui::Text(tr("Next character at T = %.2f"), static_cast<double>(m.temperature));
  help_marker("softmax(z / T) over the model's logits z for the character after the prompt. Small T piles the "
              "probability on the top character (greedy decoding in the limit); large T spreads it towards "
              "uniform. The thin white marks show T = 1, the model's own distribution.");
  ImGui::TextDisabled(tr("entropy %.2f bits (uniform: %.2f)"), entropy_bits, std::log2(static_cast<double>(count)));
  const int shown = std::min(m.bars, count);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float row = std::max(12.0f, std::min(22.0f, (size.y - 4) / static_cast<float>(shown)));
  const float label_width = 70, value_width = 56;
  const float bar_width = std::max(40.0f, size.x - label_width - value_width);
  ImGui::Dummy(ImVec2(size.x, row * static_cast<float>(shown)));
  for (int i = 0; i < shown; ++i) {
    const int id = order[i];
    const float y = origin.y + row * static_cast<float>(i);
    const ImVec2 bar_min(origin.x + label_width, y + 2);
    draw->AddText(ImVec2(origin.x, y + (row - ImGui::GetTextLineHeight()) / 2), kLabelColor,
                  describe(char_vocabulary::character(id)).c_str());
    draw->AddRectFilled(bar_min, ImVec2(bar_min.x + bar_width, y + row - 2), kPanelColor);
    draw->AddRectFilled(bar_min, ImVec2(bar_min.x + bar_width * at_t[id], y + row - 2), to_u32(kSliderColor));
    const float one_x = bar_min.x + bar_width * at_one[id];
    draw->AddLine(ImVec2(one_x, y + 1), ImVec2(one_x, y + row - 1), IM_COL32(255, 255, 255, 200), 2);
    char value[16];
    std::snprintf(value, sizeof value, "%.1f%%", 100.0 * static_cast<double>(at_t[id]));
    draw->AddText(ImVec2(bar_min.x + bar_width + 6, y + (row - ImGui::GetTextLineHeight()) / 2), kLabelColor, value);
  }
}

// The training loss (moving average, orange) and held-out loss (blue dots) against steps.
void draw_loss_chart(const LanguageModelPanel::Impl& m, ImVec2 size) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  const ImVec2 min(origin.x + 40, origin.y + 4), max(origin.x + size.x - 6, origin.y + size.y - 18);
  draw->AddRectFilled(min, max, kPanelColor);
  double lo = 1e9, hi = -1e9;
  int last_step = 1;
  // The first chunks start from a zero state and read high; they are drawn but
  // left out of the range so they do not squash the part worth reading.
  const int first_steps = m.train_curve.empty() ? 0 : m.train_curve.back().step / 20;
  for (const auto* curve : {&m.train_curve.points(), &m.held_out_curve.points()})
    for (const CurvePoint& p : *curve) {
      if (!std::isfinite(p.loss) || (curve == &m.train_curve.points() && p.step < first_steps)) continue;
      lo = std::min(lo, p.loss);
      hi = std::max(hi, p.loss);
      last_step = std::max(last_step, p.step);
    }
  if (lo > hi) {
    draw->AddText(ImVec2(min.x + 8, min.y + 8), kLabelColor, tr("no training yet"));
    return;
  }
  const double pad = std::max(0.05, (hi - lo) * 0.1);
  lo -= pad;
  hi += pad;
  auto to_screen = [&](int step, double loss) {
    return ImVec2(min.x + (max.x - min.x) * static_cast<float>(step) / static_cast<float>(last_step),
                  max.y - (max.y - min.y) * static_cast<float>((loss - lo) / (hi - lo)));
  };
  for (int tick = 0; tick <= 2; ++tick) {
    const double v = lo + (hi - lo) * tick / 2;
    const ImVec2 s = to_screen(0, v);
    char label[16];
    std::snprintf(label, sizeof label, "%.2f", v);
    draw->AddText(ImVec2(origin.x, s.y - 7), kLabelColor, label);
    draw->AddLine(ImVec2(min.x, s.y), ImVec2(max.x, s.y), IM_COL32(255, 255, 255, 25));
  }
  const std::string steps = i18n::format(tr("step %d"), last_step);
  draw->AddText(ImVec2(max.x - ImGui::CalcTextSize(steps.c_str()).x, max.y + 2), kLabelColor, steps.c_str());
  draw->PushClipRect(min, max, true);
  std::vector<ImVec2> line;
  for (const CurvePoint& p : m.train_curve) line.push_back(to_screen(p.step, p.loss));
  if (line.size() >= 2) draw->AddPolyline(line.data(), static_cast<int>(line.size()), to_u32(kTrainColor), 0, 2);
  for (const CurvePoint& p : m.held_out_curve) draw->AddCircleFilled(to_screen(p.step, p.loss), 4, to_u32(kHeldOutColor));
  draw->PopClipRect();
}

void draw_training(LanguageModelPanel::Impl& m, ImVec2 size) {
  ImGui::TextUnformatted(tr("Train more in the browser"));
  help_marker("Continues training the model on the book's first 90%, a small chunk (8 streams x 16 characters, "
              "truncated backpropagation through time) per step, with Adam. The held-out loss is the mean "
              "-log p(next character) in nats on the last 10%, which training never sees.");
  if (!m.text_error.empty()) {
    ImGui::TextColored(kWarningColor, tr("Training and the held-out loss need the text: %s"), m.text_error.c_str());
    return;
  }
  if (!m.text_ready) {
    ImGui::ProgressBar(m.text_progress, ImVec2(-1, 0), tr("loading the text"));
    return;
  }
  if (ImGui::Button(m.training ? tr_id("Pause training") : tr_id("Train more"))) m.training = !m.training;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::max(60.0f, std::min(160.0f, ImGui::GetContentRegionAvail().x - 150)));
  ImGui::SliderFloat(tr_id("learning rate"), &m.learning_rate, 1e-5f, 1e-2f, "%.5f", ImGuiSliderFlags_Logarithmic);
  help_marker("Adam's step size. The shipped model has converged for its size (it ended its training at 0.0003 "
              "with 32 streams per step): more training lowers the training loss while the held-out loss barely "
              "moves, or rises at large rates (overfitting, and noisier gradients from the browser's small chunks).");
  if (ImGui::Button(tr_id("Reset to shipped weights"))) {
    m.training = false;
    m.start = kStartShipped;
    m.load_start_weights();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr_id("Start from random"))) {
    m.start = kStartRandom;
    m.learning_rate = 3e-3f;  // the rate the shipped model started with
    m.load_start_weights();
    m.training = true;
  }
  help_marker("Forget the shipped weights and watch the model learn the book from nothing: the continuations go "
              "from noise to letters, words and punctuation within a minute or two. The link keeps this choice "
              "(lm_start=random), not the trained weights.");
  if (!m.train_error.empty()) ImGui::TextColored(kWarningColor, tr("Training stopped: %s"), m.train_error.c_str());
  if (std::isfinite(m.held_out)) {
    ImGui::TextColored(kHeldOutColor, tr("held-out loss %.3f nats/char (%.2f bits)"), m.held_out,
                       m.held_out / std::log(2.0));
    if (std::isfinite(m.shipped_held_out)) {
      ImGui::SameLine();
      ImGui::TextDisabled(tr("shipped: %.3f"), m.shipped_held_out);
    }
  } else {
    ImGui::TextColored(kHeldOutColor, "%s", tr("held-out loss: measuring..."));
  }
  if (std::isfinite(m.train_loss))
    ImGui::TextColored(kTrainColor, tr("training loss %.3f (moving average)"), m.train_loss);
  else
    ImGui::TextColored(kTrainColor, "%s", tr("training loss: not trained here yet"));
  ImGui::SameLine();
  ImGui::TextDisabled(tr("step %d"), m.steps);
  if (m.evaluator)
    ImGui::ProgressBar(static_cast<float>(m.evaluator->progress()), ImVec2(-1, 0), tr("measuring the held-out loss"));
  draw_loss_chart(m, ImVec2(size.x, std::max(80.0f, ImGui::GetContentRegionAvail().y)));
}

}  // namespace

void LanguageModelPanel::draw(float temperature) {
  Impl& m = *impl_;
  m.temperature = std::clamp(temperature, 0.0f, 100.0f);
  if (!m.load_error.empty()) {
    ImGui::TextColored(kWarningColor, "%s", tr("The language model could not be loaded."));
    ImGui::TextWrapped("%s", m.load_error.c_str());
    return;
  }
  if (!m.model_ready) {
    ImGui::ProgressBar(m.weights_progress, ImVec2(-1, 0), tr("loading the language model"));
    return;
  }
  if (ImGui::GetContentRegionAvail().x < kStackedViewWidth) {  // a phone: everything in one scrolling column
    ImGui::BeginChild("lm_stack", ImVec2(0, 0), false);
    draw_prompt(m);
    draw_continuations(m);
    ImGui::Separator();
    draw_next_character(m, ImVec2(ImGui::GetContentRegionAvail().x, 260));
    ImGui::Separator();
    draw_training(m, ImVec2(ImGui::GetContentRegionAvail().x, 300));
    ImGui::EndChild();
    return;
  }
  draw_prompt(m);
  draw_continuations(m);
  ImGui::Separator();
  const ImVec2 available = ImGui::GetContentRegionAvail();
  const float left_width = std::max(260.0f, available.x * 0.42f);
  const float height = std::max(160.0f, available.y);
  ImGui::BeginChild("lm_next_character", ImVec2(left_width, height));
  // The child's own width: a scrollbar, when the bars overflow, takes its share.
  draw_next_character(m, ImVec2(ImGui::GetContentRegionAvail().x, height - 2 * ImGui::GetFrameHeightWithSpacing()));
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("lm_training", ImVec2(0, height));
  draw_training(m, ImVec2(ImGui::GetContentRegionAvail().x, height));
  ImGui::EndChild();
}
