#include "app/platform.h"

#include <SDL.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "app/heatmap_renderer.h"
#include "app/imgui_renderer.h"
#include "app/rgb_image_renderer.h"
#include "app/touch_gestures.h"
#include "app/ui_font.h"
#include "app/user_files_backend.h"
#include "imgui.h"
#include "imgui_impl_sdl.h"
#include "imgui_internal.h"  // touch scrolling moves the window under the finger (ImGuiWindow)

#include <GLES3/gl3.h>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/html5.h>

#include "app/self_test.h"
#else
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>
#endif

namespace platform {
namespace {

struct Runtime {
  Options options;
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  float font_scale = 0;  // device pixels per logical pixel the font atlas was built for
  bool quit = false;
  long frame = 0;
};
Runtime g_runtime;

struct CaptureRequest {
  float x = 0, y = 0, width = 0, height = 0;
  std::function<void(RgbImage)> done;
};
CaptureRequest g_capture;

// Touch input: SDL's own touch-to-mouse translation is off (it has no long
// press and no scrolling); TouchGestures drives ImGui's mouse instead.
struct Touch {
  TouchGestures gestures;
  ImGuiID scroll_window = 0;    // the window a drag on empty space scrolls (or its nearest scrollable parent)
  ImGuiID scrolled_window = 0;  // the window the last touch scroll moved
};
Touch g_touch;

double seconds_now() { return SDL_GetTicks() / 1000.0; }

void feed_touch_event(const SDL_Event& event) {
  int w = 0, h = 0;
  SDL_GetWindowSize(g_runtime.window, &w, &h);
  const SDL_TouchFingerEvent& f = event.tfinger;  // x, y are fractions of the window
  float x = f.x * static_cast<float>(w), y = f.y * static_cast<float>(h);
  if (event.type == SDL_FINGERDOWN) g_touch.gestures.finger_down(f.fingerId, x, y, seconds_now());
  if (event.type == SDL_FINGERMOTION) g_touch.gestures.finger_move(f.fingerId, x, y, seconds_now());
  if (event.type == SDL_FINGERUP) g_touch.gestures.finger_up(f.fingerId, x, y, seconds_now());
}

// Between the backend's NewFrame (which reads the real mouse) and ImGui's.
void apply_touch_pointer(const TouchGestures::Pointer& touch) {
  if (!touch.present) return;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(touch.x, touch.y);
  io.MouseDown[0] = touch.left;
  io.MouseDown[1] = touch.right;
}

// The content follows the finger: the window the drag began on scrolls, or
// the nearest parent that can scroll that way.
void apply_touch_scroll(const TouchGestures::Pointer& touch) {
  if (touch.scroll_x == 0 && touch.scroll_y == 0) return;
  ImGuiWindow* start = ImGui::FindWindowByID(g_touch.scroll_window);
  for (ImGuiWindow* w = start; w && touch.scroll_y != 0; w = w->ParentWindow)
    if (w->ScrollMax.y > 0) {
      ImGui::SetScrollY(w, w->Scroll.y - touch.scroll_y);
      g_touch.scrolled_window = w->ID;
      break;
    }
  for (ImGuiWindow* w = start; w && touch.scroll_x != 0; w = w->ParentWindow)
    if (w->ScrollMax.x > 0) {
      ImGui::SetScrollX(w, w->Scroll.x - touch.scroll_x);
      break;
    }
}

}  // namespace

float touch_scrolled_window_y() {
  ImGuiWindow* w = ImGui::FindWindowByID(g_touch.scrolled_window);
  return w ? w->Scroll.y : 0.0f;
}

namespace {

// After the UI ran, before ImGui ends the frame: a drag whose press landed on
// no widget scrolls instead.
void check_touch_drag_target() {
  if (!g_touch.gestures.drag_began_this_frame() || ImGui::IsAnyItemActive()) return;
  ImGuiWindow* hovered = ImGui::GetCurrentContext()->HoveredWindow;
  g_touch.scroll_window = hovered ? hovered->ID : 0;
  g_touch.gestures.press_hit_nothing();
}

// Pixels [x0, x1) x [y0, y1) of the frame just drawn (device pixels, y from
// the top), as an opaque top-down RgbImage: Save view and --screenshot.
RgbImage read_frame_pixels(int x0, int y0, int x1, int y1) {
  int fb_w = 0, fb_h = 0;
  SDL_GL_GetDrawableSize(g_runtime.window, &fb_w, &fb_h);
  x0 = std::max(0, x0), y0 = std::max(0, y0), x1 = std::min(fb_w, x1), y1 = std::min(fb_h, y1);
  RgbImage image;
  if (x1 <= x0 || y1 <= y0) return image;
  image.width = x1 - x0;
  image.height = y1 - y0;
  std::vector<unsigned char> rows(static_cast<size_t>(image.width) * image.height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(x0, fb_h - y1, image.width, image.height, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
  image.rgba.resize(rows.size());
  size_t row_bytes = static_cast<size_t>(image.width) * 4;
  for (int y = 0; y < image.height; ++y)  // GL's rows run bottom-up
    std::memcpy(&image.rgba[static_cast<size_t>(y) * row_bytes], &rows[static_cast<size_t>(image.height - 1 - y) * row_bytes],
                row_bytes);
  for (size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;  // the window is opaque
  return image;
}

// The requested rectangle of the frame just drawn, read before the swap.
void run_capture() {
  if (!g_capture.done) return;
  CaptureRequest request = std::move(g_capture);
  g_capture = {};
  float scale = g_runtime.font_scale > 0 ? g_runtime.font_scale : 1.0f;
  request.done(read_frame_pixels(static_cast<int>(request.x * scale), static_cast<int>(request.y * scale),
                                 static_cast<int>((request.x + request.width) * scale),
                                 static_cast<int>((request.y + request.height) * scale)));
}

// The font atlas is rasterised at the device's pixel density so text stays
// crisp on high-DPI screens; ImGui lays out in logical pixels.
void update_font_scale(float scale) {
  if (scale <= 0 || scale == g_runtime.font_scale) return;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ui_font::add_fonts(io.Fonts, scale);
  io.FontGlobalScale = 1.0f / scale;
  if (g_runtime.font_scale != 0) imgui_renderer::rebuild_font_texture();
  g_runtime.font_scale = scale;
}

void apply_style() {
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0;
  style.FrameRounding = 3;
  style.GrabRounding = 3;
  style.WindowBorderSize = 0;
  style.FramePadding = ImVec2(6, 4);
  style.ItemSpacing = ImVec2(8, 6);
}

#ifndef __EMSCRIPTEN__
// Native headless smoke test: --frames N --screenshot FILE --print-status.
struct CommandLine {
  long max_frames = -1;
  std::string screenshot_path;
  bool print_status = false;
  bool embed = false;
  std::string hash;
  int width = 0, height = 0;  // --size WxH: the window, e.g. a phone's 390x844
};
CommandLine g_command_line;
CopyState g_native_copy_state = CopyState::Idle;
#endif

bool create_window_and_context(const char* title) {
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");  // touch goes through TouchGestures (feed_touch_event)
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "SDL_Init failed: %s\n", SDL_GetError());
    return false;
  }
  // OpenGL ES 3.0 everywhere: WebGL2 in the browser, GLES 3 natively, so the
  // shaders in shaders/ (GLSL ES 3.00) run unchanged on both.
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_ALPHA_SIZE, 0);  // an opaque canvas: the compositor need not blend it
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
  SDL_SetHint(SDL_HINT_VIDEO_X11_FORCE_EGL, "1");
  Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
#ifndef __EMSCRIPTEN__
  flags |= SDL_WINDOW_RESIZABLE;
#endif
  int width = 1280, height = 800;
#ifndef __EMSCRIPTEN__
  if (g_command_line.width > 0) width = g_command_line.width, height = g_command_line.height;
#endif
  g_runtime.window = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height, flags);
  if (!g_runtime.window) {
    std::fprintf(stderr, "SDL_CreateWindow failed: %s\n", SDL_GetError());
    return false;
  }
  g_runtime.gl = SDL_GL_CreateContext(g_runtime.window);
  if (!g_runtime.gl) {
    std::fprintf(stderr, "could not create an OpenGL ES 3.0 context: %s\n", SDL_GetError());
    return false;
  }
  SDL_GL_MakeCurrent(g_runtime.window, g_runtime.gl);
  SDL_GL_SetSwapInterval(1);
  return true;
}

float drawable_scale() {
  int w = 0, h = 0, dw = 0, dh = 0;
  SDL_GetWindowSize(g_runtime.window, &w, &h);
  SDL_GL_GetDrawableSize(g_runtime.window, &dw, &dh);
  return w > 0 && dw > 0 ? static_cast<float>(dw) / static_cast<float>(w) : 1.0f;
}

#ifdef __EMSCRIPTEN__
// The canvas is sized by CSS (the whole page, or the whole iframe when
// embedded); match SDL's window to it, at device pixel density.
void follow_canvas_size() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  int w = static_cast<int>(css_w), h = static_cast<int>(css_h);
  int current_w = 0, current_h = 0;
  SDL_GetWindowSize(g_runtime.window, &current_w, &current_h);
  if (w > 0 && h > 0 && (w != current_w || h != current_h)) SDL_SetWindowSize(g_runtime.window, w, h);
  double ratio = emscripten_get_device_pixel_ratio();
  int canvas_w = 0, canvas_h = 0;
  emscripten_get_canvas_element_size("#canvas", &canvas_w, &canvas_h);
  int want_w = static_cast<int>(w * ratio), want_h = static_cast<int>(h * ratio);
  if (want_w > 0 && want_h > 0 && (canvas_w != want_w || canvas_h != want_h))
    emscripten_set_canvas_element_size("#canvas", want_w, want_h);
}
#endif

#ifndef __EMSCRIPTEN__
bool save_screenshot(const std::string& path) {
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(g_runtime.window, &w, &h);
  RgbImage frame = read_frame_pixels(0, 0, w, h);
  // RGB, as before: drop the alpha the window does not have.
  std::vector<unsigned char> rgb(static_cast<size_t>(frame.width) * frame.height * 3);
  for (size_t i = 0, j = 0; i < frame.rgba.size(); i += 4, j += 3) std::memcpy(&rgb[j], &frame.rgba[i], 3);
  return stbi_write_png(path.c_str(), frame.width, frame.height, 3, rgb.data(), frame.width * 3) != 0;
}
#endif

void render_one_frame() {
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_FINGERDOWN || event.type == SDL_FINGERMOTION || event.type == SDL_FINGERUP)
      feed_touch_event(event);
    if (event.type == SDL_QUIT) g_runtime.quit = true;
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE) g_runtime.quit = true;
    if (event.type == SDL_DROPFILE) {  // natively; the page handles drops itself
      user_files_backend::open_path(event.drop.file);
      SDL_free(event.drop.file);
    }
  }
#ifdef __EMSCRIPTEN__
  follow_canvas_size();
#endif
  update_font_scale(drawable_scale());
  ImGui_ImplSDL2_NewFrame();
  TouchGestures::Pointer touch = g_touch.gestures.frame(seconds_now());
  apply_touch_pointer(touch);
  ImGui::NewFrame();
  apply_touch_scroll(touch);
  heatmap_renderer::begin_frame();
#ifdef __EMSCRIPTEN__
  self_test::frame();
#endif
  g_runtime.options.frame();
  check_touch_drag_target();
  ImGui::Render();
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(g_runtime.window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.08f, 0.09f, 0.11f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  imgui_renderer::render(ImGui::GetDrawData());
  run_capture();
  ++g_runtime.frame;
#ifndef __EMSCRIPTEN__
  if (g_command_line.max_frames >= 0 && g_runtime.frame >= g_command_line.max_frames) {
    if (!g_command_line.screenshot_path.empty() && !save_screenshot(g_command_line.screenshot_path))
      std::fprintf(stderr, "could not write %s\n", g_command_line.screenshot_path.c_str());
    g_runtime.quit = true;
  }
#endif
  SDL_GL_SwapWindow(g_runtime.window);
}

#ifdef __EMSCRIPTEN__
void browser_frame(void*) { render_one_frame(); }

// Small pieces of page glue. They run inside the page's own JS (no eval), so
// they work under a Content-Security-Policy without 'unsafe-eval'.
EM_JS(char*, js_location_hash, (), {
  let hash = location.hash || "";
  if (hash.length > 100000) hash = hash.slice(0, 100000);  // the codec rejects it as too long
  const size = lengthBytesUTF8(hash) + 1;
  const pointer = _malloc(size);
  stringToUTF8(hash, pointer, size);
  return pointer;
});

EM_JS(void, js_replace_hash, (const char* hash), {
  const text = "#" + UTF8ToString(hash);
  if (location.hash === text) return;
  try {
    history.replaceState(null, "", text);
  } catch (e) {
    try { location.replace(text); } catch (ignored) {}
  }
});

EM_JS(int, js_embed_mode, (), { return new URLSearchParams(location.search).get("embed") === "1" ? 1 : 0; });

EM_JS(char*, js_page_url, (), {
  const url = location.href.split("#")[0].split("?")[0];
  const size = lengthBytesUTF8(url) + 1;
  const pointer = _malloc(size);
  stringToUTF8(url, pointer, size);
  return pointer;
});

// 1 pending, 2 copied, 3 failed. The async Clipboard API first; the old
// execCommand route for pages where it is blocked (e.g. sandboxed iframes).
EM_JS(void, js_copy_text, (const char* text_pointer), {
  const text = UTF8ToString(text_pointer);
  Module.playgroundCopyState = 1;
  const fallback = () => {
    try {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      const ok = document.execCommand("copy");
      document.body.removeChild(area);
      Module.playgroundCopyState = ok ? 2 : 3;
    } catch (e) {
      Module.playgroundCopyState = 3;
    }
  };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(() => { Module.playgroundCopyState = 2; }, fallback);
  } else {
    fallback();
  }
});

EM_JS(int, js_copy_state, (), { return Module.playgroundCopyState | 0; });

// The reader's first preferred language, e.g. "ko-KR".
EM_JS(char*, js_preferred_locale, (), {
  const tag = String((navigator.languages && navigator.languages[0]) || navigator.language || "").slice(0, 64);
  const size = lengthBytesUTF8(tag) + 1;
  const pointer = _malloc(size);
  stringToUTF8(tag, pointer, size);
  return pointer;
});

std::string take_js_string(char* pointer) {
  std::string s = pointer ? pointer : "";
  std::free(pointer);
  return s;
}
#endif

}  // namespace

bool parse_command_line(int argc, char** argv) {
#ifdef __EMSCRIPTEN__
  (void)argc, (void)argv;
  return true;
#else
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--frames" && i + 1 < argc) {
      g_command_line.max_frames = std::strtol(argv[++i], nullptr, 10);
    } else if (arg == "--screenshot" && i + 1 < argc) {
      g_command_line.screenshot_path = argv[++i];
    } else if (arg == "--print-status") {
      g_command_line.print_status = true;
    } else if (arg == "--size" && i + 1 < argc &&
               std::sscanf(argv[i + 1], "%dx%d", &g_command_line.width, &g_command_line.height) == 2 &&
               g_command_line.width >= 200 && g_command_line.height >= 200 && g_command_line.width <= 8192 &&
               g_command_line.height <= 8192) {
      ++i;
    } else if (arg == "--embed") {
      g_command_line.embed = true;
    } else if (arg == "--input" && i + 1 < argc) {
      user_files_backend::open_path(argv[++i]);  // the demo takes it like a dropped file
    } else if (arg == "--output" && i + 1 < argc) {
      user_files_backend::set_output_path(argv[++i]);
    } else if (!arg.empty() && arg[0] != '-' && g_command_line.hash.empty()) {
      g_command_line.hash = arg;  // URL state, e.g. "demo=perceptron&mode=perceptron&p_w1=2"
    } else {
      std::fprintf(stderr,
                   "usage: %s [URL-STATE] [--embed] [--size WxH] [--frames N] [--screenshot FILE.png] [--print-status]\n"
                   "          [--input IMAGE] [--output FILE.png]\n"
                   "  URL-STATE  the part after '#' in a playground link, e.g. 'demo=perceptron&run=1'\n"
                   "  --input    opens IMAGE as if dropped on the window; --output: where \"Save PNG\" writes\n",
                   argv[0]);
      return false;
    }
  }
  return true;
#endif
}

int run(const Options& options) {
  g_runtime.options = options;
  if (!create_window_and_context(options.title)) return 1;
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // layout is the shell's, not a saved file
  apply_style();
  ImGui_ImplSDL2_InitForOpenGL(g_runtime.window, g_runtime.gl);
  update_font_scale(drawable_scale());
  user_files_backend::init();
  if (!imgui_renderer::init() || !heatmap_renderer::init()) {
#ifdef __EMSCRIPTEN__
    abort();  // the page's onAbort shows a message instead of a blank canvas
#endif
    return 1;
  }
  rgb_image_renderer::init();
#ifdef __EMSCRIPTEN__
  emscripten_set_main_loop_arg(browser_frame, nullptr, 0, true);
  return 0;  // not reached: the browser drives the loop
#else
  while (!g_runtime.quit) render_one_frame();
  if (g_command_line.print_status && options.status_json) std::printf("%s\n", options.status_json().c_str());
  rgb_image_renderer::shutdown();
  heatmap_renderer::shutdown();
  imgui_renderer::shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(g_runtime.gl);
  SDL_DestroyWindow(g_runtime.window);
  SDL_Quit();
  return 0;
#endif
}

#ifdef __EMSCRIPTEN__
std::string current_hash() { return take_js_string(js_location_hash()); }
void replace_hash(const std::string& hash) { js_replace_hash(hash.c_str()); }
bool embed_mode() { return js_embed_mode() != 0; }
std::string page_url() { return take_js_string(js_page_url()); }
void copy_to_clipboard(const std::string& text) { js_copy_text(text.c_str()); }
CopyState copy_state() { return static_cast<CopyState>(js_copy_state()); }
std::string preferred_locale() { return take_js_string(js_preferred_locale()); }
#else
std::string current_hash() { return g_command_line.hash; }
void replace_hash(const std::string& hash) { g_command_line.hash = hash; }
bool embed_mode() { return g_command_line.embed; }
std::string page_url() { return "http://127.0.0.1:8080/"; }
void copy_to_clipboard(const std::string& text) {
  g_native_copy_state = SDL_SetClipboardText(text.c_str()) == 0 ? CopyState::Copied : CopyState::Failed;
}
CopyState copy_state() { return g_native_copy_state; }
std::string preferred_locale() {
  // POSIX precedence for messages: LC_ALL, then LC_MESSAGES, then LANG.
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value) return value;
  }
  return "";
}
#endif

void set_window_title(const char* title) {
  if (g_runtime.window) SDL_SetWindowTitle(g_runtime.window, title);
}

void capture_after_frame(float x, float y, float width, float height, std::function<void(RgbImage)> done) {
  g_capture = {x, y, width, height, std::move(done)};
}

}  // namespace platform

#ifdef __EMSCRIPTEN__
// window.playgroundStatus() (web/bridge.js) reads this. Read-only: a fresh copy each call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* playground_status_json() {
  static std::string buffer;
  buffer = platform::g_runtime.options.status_json ? platform::g_runtime.options.status_json() : "{}";
  return buffer.c_str();
}
#endif
