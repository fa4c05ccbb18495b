// The playground shell: demo list, the current demo's panels, URL state sync,
// share buttons, notices and the status the browser tests read.
//
// Platform-neutral: it talks to the page only through platform.h.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/frame_intervals.h"
#include "demos/demo.h"
#include "demos/i18n/language.h"

class Shell {
 public:
  explicit Shell(std::vector<std::unique_ptr<Demo>> demos);

  void frame();                     // one ImGui frame: UI, a time-sliced step, URL sync
  std::string status_json() const;  // window.playgroundStatus()

  // Applies a URL hash: picks the demo, loads its fields, records notices.
  void apply_hash(const std::string& hash);
  const std::vector<std::string>& notices() const { return notices_; }
  Demo& current() { return *entries_[current_].demo; }

 private:
  struct Entry {
    std::unique_ptr<Demo> demo;
    StateFields fields;
  };

  void side_panel();
  void demo_list();          // the demos and the language, in the side panel or the narrow menu
  void language_choice();
  void demo_panel();
  void wide_body();          // controls beside the view
  void narrow_body();        // controls in a drawer above a full-width view
  void controls_content();
  void view_content();
  void header();
  void header_buttons();
  void save_view();
  void notice_banner();
  void share_popup();
  void sync_url();
  int find_demo(const std::string& name) const;
  std::string current_hash_text() const;

  std::vector<Entry> entries_;
  int current_ = 0;
  bool embed_ = false;
  long frame_ = 0;
  double last_frame_time_ = 0;
  FrameIntervals frame_intervals_;  // for status_json's longest_frame_ms

  std::vector<std::string> notices_;
  std::string last_hash_seen_;      // what the page's hash was after our last read or write
  double last_hash_write_time_ = -1;
  std::string share_text_;          // shown in the share popup
  bool open_share_popup_ = false;

  // Issue 14: below kNarrowWidth logical pixels (phones, blog columns) the
  // side panel becomes a menu and the controls a drawer over a full-width view.
  bool narrow_ = false;
  i18n::Language titled_language_ = i18n::Language::English;  // of the window title last set
  bool controls_open_ = false;      // the narrow drawer; closed at first, so the view shows
  float view_rect_[4] = {0, 0, 0, 0};  // the main view's last x, y, w, h, for Save view
  std::string save_message_;        // outcome of the latest Save view
  // Where the shell's own buttons were last drawn (x, y, w, h in logical
  // pixels), for tests that tap them like a reader would.
  std::vector<std::pair<std::string, std::vector<double>>> button_rects_;
  void remember_button(const char* name);
};
