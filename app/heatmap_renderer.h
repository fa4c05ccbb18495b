// The GPU backend of demos/heatmap.h: each heat map becomes a half-float
// texture (re-uploaded only when its version changes) drawn by
// shaders/heatmap.*.glsl inside ImGui's draw list, via a draw callback.
#pragma once

namespace heatmap_renderer {

bool init();          // compiles the shader and registers the backend; false on failure
void begin_frame();   // before the demos draw: forgets the previous frame's requests
void shutdown();

}  // namespace heatmap_renderer
