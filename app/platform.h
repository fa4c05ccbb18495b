// The one place that knows whether we run natively (SDL2 + OpenGL ES 3 on a
// desktop) or in a browser (Emscripten, WebGL2 in a canvas).
//
// It owns the window, the GL context, DPI scaling, the main loop and the
// ImGui backends; everything else sees only a frame callback, inside an ImGui
// frame, plus a few services the page provides (URL hash, clipboard).
#pragma once

#include <functional>
#include <string>

#include "demos/rgb_image.h"

namespace platform {

struct Options {
  const char* title = "Deep-learning playground";
  std::function<void()> frame;              // called once per frame between NewFrame and Render
  std::function<std::string()> status_json; // answers window.playgroundStatus() / --print-status
};

// Parses the native command line (ignored in the browser). Returns false and
// prints usage on a bad command line.
bool parse_command_line(int argc, char** argv);

// Runs until the window closes (natively) or forever (browser). Returns the exit code.
int run(const Options& options);

// The window's title (the browser tab's), in the UI's language.
void set_window_title(const char* title);

// The URL state: the browser's location.hash, or natively the command line's.
std::string current_hash();
void replace_hash(const std::string& hash);  // without adding a history entry

// `?embed=1`: one demo, no side panel (natively: --embed).
bool embed_mode();

// The page address without query or hash, for "Copy link" and embed code.
std::string page_url();

// How far (logical pixels, down) the window that a touch drag last scrolled
// is now scrolled; 0 before any: the status's touch_scroll_y, for the browser
// test of touch scrolling (app/touch_gestures.h).
float touch_scrolled_window_y();

// The reader's preferred language as a tag ("ko-KR", "en_US.UTF-8", ""):
// navigator.languages in the browser, LC_ALL / LC_MESSAGES / LANG natively.
std::string preferred_locale();

// Reads back a rectangle of this frame (logical pixels, origin top-left) once
// it is drawn, at device pixel density, and hands it to `done` before the next
// frame: "Save view" (issue 14). One request per frame; a later one replaces it.
void capture_after_frame(float x, float y, float width, float height, std::function<void(RgbImage)> done);

enum class CopyState { Idle, Pending, Copied, Failed };
void copy_to_clipboard(const std::string& text);
CopyState copy_state();  // result of the latest copy_to_clipboard

}  // namespace platform
