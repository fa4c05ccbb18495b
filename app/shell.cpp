#include "app/shell.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/platform.h"
#include "app/text_clipping.h"
#include "app/url_state.h"
#include "demos/i18n/language.h"
#include "demos/i18n/tr.h"
#include "demos/user_files.h"
#include "engine/heap_in_use.h"
#include "imgui.h"

namespace {

constexpr float kSidePanelWidth = 210;
constexpr float kControlsWidth = 330;
// Logical pixels: phones (issue 14 says "below about 800") and blog columns up
// to 960, where a view beside a 330-pixel controls panel would be too cramped
// for the demos' pictures and rows of numbers; the controls then open in a drawer.
constexpr float kNarrowWidth = 960;
constexpr float kDrawerShare = 0.45f;  // of the height below the header, for the narrow controls drawer
constexpr double kStepBudgetSeconds = 0.008;  // half a 60 Hz frame for the demo's work
constexpr double kHashWriteInterval = 0.25;   // browsers throttle rapid history updates

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      default:
        if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  return out + "\"";
}

std::string json_number(double v) {
  if (!std::isfinite(v)) return "null";  // NaN is not JSON; a diverged loss reads as null
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g", v);
  return buffer;
}

std::string json_list(const std::vector<double>& values) {
  std::string array = "[";
  for (double v : values) {
    if (array.size() > 1) array += ',';
    array += json_number(v);
  }
  return array + "]";
}

// The page's hash without its leading '#'.
std::string page_hash() {
  std::string hash = platform::current_hash();
  if (!hash.empty() && hash[0] == '#') hash.erase(0, 1);
  return hash;
}

std::string json_field_value(const StateField& f) {
  switch (f.type) {
    case FieldType::Number: return json_number(*f.number);
    case FieldType::Integer: return std::to_string(*f.integer);
    case FieldType::Boolean: return *f.boolean ? "true" : "false";
    case FieldType::Choice:
    case FieldType::Text: return json_string(url_state::format_value(f));
  }
  return "null";
}

// Larger hit targets for fingers on narrow screens; the desktop's compact
// sizes otherwise. The style's other settings come from platform::apply_style.
void apply_touch_sizes(bool touch) {
  static const ImGuiStyle desktop = ImGui::GetStyle();
  ImGuiStyle& style = ImGui::GetStyle();
  style.FramePadding = touch ? ImVec2(10, 7) : desktop.FramePadding;
  style.ItemSpacing = touch ? ImVec2(10, 8) : desktop.ItemSpacing;
  style.ItemInnerSpacing = touch ? ImVec2(8, 6) : desktop.ItemInnerSpacing;
  style.ScrollbarSize = touch ? 20 : desktop.ScrollbarSize;
  style.GrabMinSize = touch ? 20 : desktop.GrabMinSize;
  style.TouchExtraPadding = touch ? ImVec2(4, 4) : desktop.TouchExtraPadding;
}

// A small button that starts a new line when it would cross the right edge:
// the header's buttons wrap on a phone instead of running off the screen.
bool flow_button(const char* label, bool first) {
  const ImGuiStyle& style = ImGui::GetStyle();
  float width = ImGui::CalcTextSize(label, nullptr, true).x + style.FramePadding.x * 2;
  if (!first) {
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + width > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
  }
  return ImGui::SmallButton(label);
}

}  // namespace

Shell::Shell(std::vector<std::unique_ptr<Demo>> demos) {
  for (auto& demo : demos) {
    Entry entry;
    entry.demo = std::move(demo);
    entry.demo->declare_state(entry.fields);
    entry.fields.reset_all();
    entry.demo->state_loaded();
    entries_.push_back(std::move(entry));
  }
  embed_ = platform::embed_mode();
  // The reader's language until a link says otherwise (`lang=`).
  i18n::set_language(i18n::language_for_locale(platform::preferred_locale()));
  last_hash_seen_ = page_hash();
  apply_hash(last_hash_seen_);
}

int Shell::find_demo(const std::string& name) const {
  for (int i = 0; i < static_cast<int>(entries_.size()); ++i)
    if (name == entries_[i].demo->name()) return i;
  return -1;
}

void Shell::apply_hash(const std::string& hash) {
  url_state::ParsedHash parsed = url_state::parse_hash(hash);
  if (parsed.has_language && parsed.language != i18n::language()) {
    i18n::set_language(parsed.language);
    parsed = url_state::parse_hash(hash);  // again, so its notices are in that language
  }
  notices_ = parsed.notices;
  if (!parsed.demo.empty()) {
    int index = find_demo(parsed.demo);
    if (index >= 0) {
      current_ = index;
    } else {
      notices_.push_back(i18n::format(tr("unknown demo %s; showing %s"), url_state::quote_for_notice(parsed.demo).c_str(),
                                      current().name()));
    }
  }
  if (parsed.demo.empty() && parsed.pairs.empty()) return;  // empty hash: keep what is shown
  Entry& entry = entries_[current_];
  for (std::string& notice : url_state::apply_pairs(parsed.pairs, entry.fields)) notices_.push_back(notice);
  entry.demo->state_loaded();
}

std::string Shell::current_hash_text() const {
  // The language travels with every link and embed code, so a Korean reader's
  // shared link opens in Korean.
  return url_state::encode_state(entries_[current_].demo->name(), entries_[current_].fields) + "&lang=" +
         i18n::language_code(i18n::language());
}

// Two-way sync: a hash typed by the user (or a test) is applied; our own state
// is written back, at most a few times a second.
void Shell::sync_url() {
  std::string hash = page_hash();
  if (hash != last_hash_seen_) {
    last_hash_seen_ = hash;
    apply_hash(hash);
  }
  std::string wanted = current_hash_text();
  double now = now_seconds();
  if (wanted != last_hash_seen_ && now - last_hash_write_time_ >= kHashWriteInterval) {
    platform::replace_hash(wanted);
    last_hash_seen_ = wanted;
    last_hash_write_time_ = now;
  }
}

void Shell::frame() {
  double now = now_seconds();
  double dt = frame_ == 0 ? 1.0 / 60 : now - last_frame_time_;
  last_frame_time_ = now;
  if (frame_ > 0) frame_intervals_.add(now, dt);
  ++frame_;

  sync_url();
  if (i18n::language() != titled_language_ || frame_ == 1) {  // the tab's title follows the language
    titled_language_ = i18n::language();
    platform::set_window_title(tr("Deep-learning playground"));
  }
  current().step(StepBudget{dt, now_seconds() + kStepBudgetSeconds});

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  bool narrow = viewport->WorkSize.x < kNarrowWidth;
  if (narrow != narrow_ || frame_ == 1) apply_touch_sizes(narrow);
  narrow_ = narrow;
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::Begin("##shell", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoBackground);  // glClear paints it; saves a full-screen blend
  button_rects_.clear();
  if (!embed_ && !narrow_) {
    side_panel();
    ImGui::SameLine();
  }
  demo_panel();
  ImGui::End();
}

void Shell::side_panel() {
  ImGui::BeginChild("##demos", ImVec2(kSidePanelWidth, 0), true);
  demo_list();
  ImGui::EndChild();
}

void Shell::demo_list() {
  ImGui::TextColored(ImVec4(0.55f, 0.75f, 1.0f, 1), "%s", tr("Deep-learning playground"));
  ImGui::TextDisabled("%s", tr("runs on your machine"));
  ImGui::Separator();
  for (int i = 0; i < static_cast<int>(entries_.size()); ++i) {
    ImGui::PushID(i);
    if (ImGui::Selectable(tr(entries_[i].demo->title()), i == current_)) {
      current_ = i;
      notices_.clear();
      ImGui::CloseCurrentPopup();  // the narrow menu; a no-op in the side panel
    }
    ImGui::PopID();
  }
  ImGui::Spacing();
  ImGui::Separator();
  language_choice();
}

// Each language is named in itself, so a reader finds theirs whatever is shown.
void Shell::language_choice() {
  ImGui::TextDisabled("%s", tr("Language"));
  if (ImGui::RadioButton("English##lang", i18n::language() == i18n::Language::English))
    i18n::set_language(i18n::Language::English);
  ImGui::SameLine();
  if (ImGui::RadioButton(translatable("한국어##lang"), i18n::language() == i18n::Language::Korean))
    i18n::set_language(i18n::Language::Korean);
  remember_button("language_korean");
}

void Shell::header_buttons() {
  if (flow_button(tr_id("Copy link"), true)) {
    share_text_ = platform::page_url() + "#" + current_hash_text();
    platform::copy_to_clipboard(share_text_);
    open_share_popup_ = true;
  }
  remember_button("copy_link");
  if (flow_button(tr_id("Copy embed code"), false)) {
    share_text_ = "<iframe src=\"" + platform::page_url() + "?embed=1#" + current_hash_text() +
                  "\" width=\"860\" height=\"540\" style=\"border:0\" sandbox=\"allow-scripts allow-downloads\" "
                  "loading=\"lazy\" title=\"" + tr(current().title()) + "\"></iframe>";
    platform::copy_to_clipboard(share_text_);
    open_share_popup_ = true;
  }
  if (flow_button(tr_id("Save view"), false)) save_view();
  remember_button("save_view");
  if (flow_button(tr_id("Reset"), false)) {
    entries_[current_].fields.reset_all();
    current().state_loaded();
    notices_.clear();
  }
  if (embed_ || narrow_) {  // no side panel: the language switch sits here
    bool korean = i18n::language() == i18n::Language::Korean;
    if (flow_button(korean ? "English###lang_switch" : translatable("한국어###lang_switch"), false))
      i18n::set_language(korean ? i18n::Language::English : i18n::Language::Korean);
    remember_button("language_switch");
  }
}

// The title, then the buttons: on the same line, right-aligned, when they all
// fit; otherwise from the next line, wrapping (phones, narrow embeds).
void Shell::header() {
  if (narrow_ && !embed_) {
    if (ImGui::SmallButton(tr_id("Demos"))) ImGui::OpenPopup("##demo_menu");
    remember_button("demo_menu");
    if (ImGui::BeginPopup("##demo_menu")) {
      demo_list();
      ImGui::EndPopup();
    }
    ImGui::SameLine();
  }
  ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", tr(current().title()));
  const ImGuiStyle& style = ImGui::GetStyle();
  float buttons_width = 0;
  const char* labels[] = {tr("Copy link"), tr("Copy embed code"), tr("Save view"), tr("Reset"), "English"};
  int label_count = embed_ || narrow_ ? 5 : 4;
  for (int i = 0; i < label_count; ++i)
    buttons_width += ImGui::CalcTextSize(labels[i]).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
  float right = ImGui::GetWindowContentRegionMax().x;
  ImGui::SameLine();
  float after_title = ImGui::GetCursorPosX() + 20;
  if (after_title + buttons_width <= right) ImGui::SameLine(right - buttons_width);
  else ImGui::NewLine();
  header_buttons();
  if (!save_message_.empty()) {
    ImGui::TextDisabled("%s", save_message_.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("x##save_message")) save_message_.clear();
  }
}

void Shell::remember_button(const char* name) {
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  std::vector<double> rect = {min.x, min.y, max.x - min.x, max.y - min.y};
  for (auto& entry : button_rects_)
    if (entry.first == name) {
      entry.second = rect;
      return;
    }
  button_rects_.emplace_back(name, rect);
}

void Shell::save_view() {
  std::string name = std::string(current().name()) + "-view.png";
  platform::capture_after_frame(view_rect_[0], view_rect_[1], view_rect_[2], view_rect_[3], [this, name](RgbImage image) {
    save_message_ = save_png_with_message(name, image);
  });
}

void Shell::notice_banner() {
  if (notices_.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.35f, 0.25f, 0.05f, 1));
  float lines = static_cast<float>(std::min<size_t>(notices_.size(), 4) + 1);
  ImGui::BeginChild("##notices", ImVec2(0, ImGui::GetFrameHeightWithSpacing() * lines + 10), true);
  ImGui::TextUnformatted(tr("Part of the link was ignored:"));
  const char* dismiss = tr_id("Dismiss");
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(tr("Dismiss")).x -
                  ImGui::GetStyle().FramePadding.x * 2);
  if (ImGui::SmallButton(dismiss)) notices_.clear();
  for (size_t i = 0; i < notices_.size() && i < 3; ++i) ImGui::BulletText("%s", notices_[i].c_str());
  if (notices_.size() > 3) ImGui::BulletText(tr("... and %d more"), static_cast<int>(notices_.size() - 3));
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void Shell::share_popup() {
  if (open_share_popup_) {
    ImGui::OpenPopup("##share");
    open_share_popup_ = false;
  }
  float width = std::min(520.0f, ImGui::GetMainViewport()->WorkSize.x - 20);
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
  if (ImGui::BeginPopupModal(tr_id("Share##share"), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    switch (platform::copy_state()) {
      case platform::CopyState::Copied: ImGui::TextUnformatted(tr("Copied to the clipboard.")); break;
      case platform::CopyState::Failed:
        ImGui::TextWrapped("%s", tr("The browser did not allow copying here; select the text and press Ctrl+C."));
        break;
      default: ImGui::TextUnformatted(tr("Copying...")); break;
    }
    ImGui::BeginChild("##share_text", ImVec2(-1, 90), true);
    ImGui::TextWrapped("%s", share_text_.c_str());
    ImGui::EndChild();
    // A read-only field too, so the text can be selected and copied by hand.
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##share_select", share_text_.data(), share_text_.size() + 1, ImGuiInputTextFlags_ReadOnly);
    if (ImGui::Button(tr_id("Close"))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void Shell::controls_content() {
  ImGui::PushItemWidth(-std::min(110.0f, ImGui::GetContentRegionAvail().x * 0.4f));
  ImGui::PushID(current().name());
  current().controls();
  ImGui::PopID();
  ImGui::PopItemWidth();
  ImGui::Spacing();
  if (ImGui::CollapsingHeader(tr_id("How it works"), ImGuiTreeNodeFlags_DefaultOpen))
    ImGui::TextWrapped("%s", tr(current().explanation()));
}

void Shell::view_content() {
  ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  view_rect_[0] = pos.x, view_rect_[1] = pos.y, view_rect_[2] = size.x, view_rect_[3] = size.y;
  current().draw();
}

void Shell::wide_body() {
  ImGui::BeginChild("##controls", ImVec2(kControlsWidth, 0), true);
  controls_content();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##view", ImVec2(0, 0), true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  view_content();
  ImGui::EndChild();
}

// Phones and narrow embeds: the view takes the full width; the controls open
// in a drawer above it (the view keeps at least its lower part).
void Shell::narrow_body() {
  if (ImGui::Button(controls_open_ ? tr_id("Hide controls") : tr_id("Show controls"), ImVec2(-1, 0)))
    controls_open_ = !controls_open_;
  remember_button("controls_toggle");
  if (controls_open_) {
    float height = std::max(120.0f, ImGui::GetContentRegionAvail().y * kDrawerShare);
    ImGui::BeginChild("##controls", ImVec2(0, height), true);
    controls_content();
    ImGui::EndChild();
  }
  // The view scrolls here: on a phone a demo stacks its panels, taller than the screen.
  ImGui::BeginChild("##view", ImVec2(0, 0), true);
  view_content();
  ImGui::EndChild();
}

void Shell::demo_panel() {
  ImGui::BeginChild("##demo", ImVec2(0, 0), false);
  header();
  notice_banner();
  share_popup();
  ImGui::Separator();
  if (narrow_) narrow_body();
  else wide_body();
  ImGui::EndChild();
}

std::string Shell::status_json() const {
  const Demo& demo = *entries_[current_].demo;
  std::string out = "{";
  // Appends `"key":value` (value already JSON), comma-separated.
  auto add = [&out](const std::string& key, const std::string& json_value) {
    if (out.size() > 1) out += ',';
    out += json_string(key);
    out += ':';
    out += json_value;
  };
  add("demo", json_string(demo.name()));
  add("title", json_string(demo.title()));
  add("lang", json_string(i18n::language_code(i18n::language())));
  add("layout", json_string(narrow_ ? "narrow" : "wide"));
  add("controls_open", !narrow_ || controls_open_ ? "true" : "false");
  add("touch_scroll_y", json_number(platform::touch_scrolled_window_y()));
  std::string buttons = "{";
  for (const auto& [name, rect] : button_rects_) {
    if (buttons.size() > 1) buttons += ',';
    buttons += json_string(name) + ":" + json_list(rect);
  }
  add("buttons", buttons + "}");
  std::vector<ImVec2> clipped_at;
  int clipped = count_horizontally_clipped_glyphs(ImGui::GetCurrentContext() ? ImGui::GetDrawData() : nullptr, &clipped_at);
  add("clipped_glyphs", std::to_string(clipped));
  std::string where = "[";
  for (const ImVec2& p : clipped_at) {
    if (where.size() > 1) where += ',';
    where += json_list({p.x, p.y});
  }
  add("clipped_glyphs_at", where + "]");
  add("frame", std::to_string(frame_));
  add("fps", json_number(ImGui::GetCurrentContext() ? ImGui::GetIO().Framerate : 0));
  add("longest_frame_ms", json_number(frame_intervals_.longest_ms(now_seconds())));
  add("heap_in_use_bytes", std::to_string(heap_bytes_in_use()));
  add("embed", embed_ ? "true" : "false");
  add("hash", json_string(current_hash_text()));

  std::string state = "{";
  for (const StateField& f : entries_[current_].fields.all()) {
    if (state.size() > 1) state += ',';
    state += json_string(f.key);
    state += ':';
    state += json_field_value(f);
  }
  add("state", state + "}");
  // Each choice field's values, so a test can visit every tab (`view`, `mode`).
  std::string choices = "{";
  for (const StateField& f : entries_[current_].fields.all()) {
    if (f.type != FieldType::Choice) continue;
    if (choices.size() > 1) choices += ',';
    choices += json_string(f.key) + ":[";
    for (size_t i = 0; i < f.choices.size(); ++i) {
      if (i > 0) choices += ',';
      choices += json_string(f.choices[i]);
    }
    choices += ']';
  }
  add("choices", choices + "}");

  DemoReport report;
  demo.report(report);
  for (const auto& [key, value] : report.numbers) add(key, json_number(value));
  for (const auto& [key, values] : report.lists) add(key, json_list(values));
  std::vector<std::string> group_names;  // in order of first appearance, numbers first
  for (const auto& entry : report.groups) group_names.push_back(entry.first);
  for (const DemoReport::GroupValue& v : report.group_values)
    if (std::find(group_names.begin(), group_names.end(), v.group) == group_names.end()) group_names.push_back(v.group);
  for (const std::string& group : group_names) {
    std::string object = "{";
    auto member = [&object](const std::string& key, const std::string& json_value) {
      if (object.size() > 1) object += ',';
      object += json_string(key);
      object += ':';
      object += json_value;
    };
    for (const auto& [name, numbers] : report.groups)
      if (name == group)
        for (const auto& [key, value] : numbers) member(key, json_number(value));
    for (const DemoReport::GroupValue& v : report.group_values) {
      if (v.group != group) continue;
      if (v.is_text) {
        member(v.key, json_string(v.text));
      } else if (!v.nested && v.rows.size() == 1) {
        member(v.key, json_list(v.rows[0]));
      } else {
        std::string rows = "[";
        for (const std::vector<double>& row : v.rows) {
          if (rows.size() > 1) rows += ',';
          rows += json_list(row);
        }
        rows += ']';
        member(v.key, rows);
      }
    }
    add(group, object + "}");
  }

  std::string notices = "[";
  for (const std::string& notice : notices_) {
    if (notices.size() > 1) notices += ',';
    notices += json_string(notice);
  }
  add("notices", notices + "]");
  return out + "}";
}
