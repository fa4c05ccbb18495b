#include "app/shell.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/platform.h"
#include "app/url_state.h"
#include "imgui.h"

namespace {

constexpr float kSidePanelWidth = 210;
constexpr float kControlsWidth = 330;
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
  notices_ = parsed.notices;
  if (!parsed.demo.empty()) {
    int index = find_demo(parsed.demo);
    if (index >= 0) {
      current_ = index;
    } else {
      notices_.push_back("unknown demo " + url_state::quote_for_notice(parsed.demo) + "; showing " +
                         current().name());
    }
  }
  if (parsed.demo.empty() && parsed.pairs.empty()) return;  // empty hash: keep what is shown
  Entry& entry = entries_[current_];
  for (std::string& notice : url_state::apply_pairs(parsed.pairs, entry.fields)) notices_.push_back(notice);
  entry.demo->state_loaded();
}

std::string Shell::current_hash_text() const {
  return url_state::encode_state(entries_[current_].demo->name(), entries_[current_].fields);
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
  current().step(StepBudget{dt, now_seconds() + kStepBudgetSeconds});

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::Begin("##shell", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoBackground);  // glClear paints it; saves a full-screen blend
  if (!embed_) {
    side_panel();
    ImGui::SameLine();
  }
  demo_panel();
  ImGui::End();
}

void Shell::side_panel() {
  ImGui::BeginChild("##demos", ImVec2(kSidePanelWidth, 0), true);
  ImGui::TextColored(ImVec4(0.55f, 0.75f, 1.0f, 1), "Deep-learning playground");
  ImGui::TextDisabled("runs on your machine");
  ImGui::Separator();
  for (int i = 0; i < static_cast<int>(entries_.size()); ++i) {
    ImGui::PushID(i);
    if (ImGui::Selectable(entries_[i].demo->title(), i == current_)) {
      current_ = i;
      notices_.clear();
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void Shell::header() {
  ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", current().title());
  float buttons_width = 330;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 20, ImGui::GetWindowContentRegionMax().x - buttons_width));
  if (ImGui::SmallButton("Copy link")) {
    share_text_ = platform::page_url() + "#" + current_hash_text();
    platform::copy_to_clipboard(share_text_);
    open_share_popup_ = true;
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Copy embed code")) {
    share_text_ = "<iframe src=\"" + platform::page_url() + "?embed=1#" + current_hash_text() +
                  "\" width=\"860\" height=\"540\" style=\"border:0\" sandbox=\"allow-scripts\" loading=\"lazy\" "
                  "title=\"" + current().title() + "\"></iframe>";
    platform::copy_to_clipboard(share_text_);
    open_share_popup_ = true;
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Reset")) {
    entries_[current_].fields.reset_all();
    current().state_loaded();
    notices_.clear();
  }
}

void Shell::notice_banner() {
  if (notices_.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.35f, 0.25f, 0.05f, 1));
  float lines = static_cast<float>(std::min<size_t>(notices_.size(), 4) + 1);
  ImGui::BeginChild("##notices", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * lines + 10), true);
  ImGui::Text("Part of the link was ignored:");
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 60);
  if (ImGui::SmallButton("Dismiss")) notices_.clear();
  for (size_t i = 0; i < notices_.size() && i < 3; ++i) ImGui::BulletText("%s", notices_[i].c_str());
  if (notices_.size() > 3) ImGui::BulletText("... and %d more", static_cast<int>(notices_.size() - 3));
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void Shell::share_popup() {
  if (open_share_popup_) {
    ImGui::OpenPopup("Share");
    open_share_popup_ = false;
  }
  ImGui::SetNextWindowSize(ImVec2(520, 0), ImGuiCond_Appearing);
  if (ImGui::BeginPopupModal("Share", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    switch (platform::copy_state()) {
      case platform::CopyState::Copied: ImGui::Text("Copied to the clipboard."); break;
      case platform::CopyState::Failed:
        ImGui::TextWrapped("The browser did not allow copying here; select the text and press Ctrl+C.");
        break;
      default: ImGui::Text("Copying..."); break;
    }
    ImGui::BeginChild("##share_text", ImVec2(-1, 90), true);
    ImGui::TextWrapped("%s", share_text_.c_str());
    ImGui::EndChild();
    // A read-only field too, so the text can be selected and copied by hand.
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##share_select", share_text_.data(), share_text_.size() + 1, ImGuiInputTextFlags_ReadOnly);
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void Shell::demo_panel() {
  ImGui::BeginChild("##demo", ImVec2(0, 0), false);
  header();
  notice_banner();
  share_popup();
  ImGui::Separator();

  ImGui::BeginChild("##controls", ImVec2(kControlsWidth, 0), true);
  ImGui::PushItemWidth(-110);
  ImGui::PushID(current().name());
  current().controls();
  ImGui::PopID();
  ImGui::PopItemWidth();
  ImGui::Spacing();
  if (ImGui::CollapsingHeader("How it works", ImGuiTreeNodeFlags_DefaultOpen)) ImGui::TextWrapped("%s", current().explanation());
  ImGui::EndChild();

  ImGui::SameLine();
  ImGui::BeginChild("##view", ImVec2(0, 0), true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  current().draw();
  ImGui::EndChild();
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
  add("frame", std::to_string(frame_));
  add("fps", json_number(ImGui::GetCurrentContext() ? ImGui::GetIO().Framerate : 0));
  add("longest_frame_ms", json_number(frame_intervals_.longest_ms(now_seconds())));
  add("heap_in_use_bytes", std::to_string(platform::heap_bytes_in_use()));
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

  DemoReport report;
  demo.report(report);
  for (const auto& [key, value] : report.numbers) add(key, json_number(value));
  for (const auto& [key, values] : report.lists) {
    std::string array = "[";
    for (double v : values) {
      if (array.size() > 1) array += ',';
      array += json_number(v);
    }
    add(key, array + "]");
  }
  auto list_json = [](const std::vector<double>& values) {
    std::string array = "[";
    for (double v : values) {
      if (array.size() > 1) array += ',';
      array += json_number(v);
    }
    return array + "]";
  };
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
        member(v.key, list_json(v.rows[0]));
      } else {
        std::string rows = "[";
        for (const std::vector<double>& row : v.rows) {
          if (rows.size() > 1) rows += ',';
          rows += list_json(row);
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
