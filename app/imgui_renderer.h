// Draws Dear ImGui's output with OpenGL ES 3.0 / WebGL2.
//
// Our own instead of imgui_impl_opengl3: that backend saves and restores
// about twenty pieces of GL state every frame with glGet*, and in a browser
// each of those can be a synchronous round trip to the GPU process, which
// capped the playground near 30 fps under SwiftShader. We own all GL state,
// so we simply set what we need.
#pragma once

#include "imgui.h"

namespace imgui_renderer {

// Where ImGui's logical pixels land in the framebuffer, for draw callbacks.
struct FrameGeometry {
  ImVec2 display_pos, display_size, framebuffer_scale;
  int framebuffer_width = 0, framebuffer_height = 0;
};
const FrameGeometry& frame_geometry();  // valid during render()

bool init();                 // compiles the shaders; false (with a message on stderr) on failure
void rebuild_font_texture();  // after the font atlas changed (DPI change)
void render(ImDrawData* draw_data);
void shutdown();

}  // namespace imgui_renderer
