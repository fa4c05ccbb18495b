#include "app/heatmap_renderer.h"

#include <GLES3/gl3.h>

#include <cstdio>
#include <deque>
#include <string>
#include <unordered_map>

#include "app/gl_program.h"
#include "app/imgui_renderer.h"
#include "demos/heatmap.h"
#include "shaders_embedded.h"

namespace heatmap_renderer {
namespace {

struct Texture {
  GLuint id = 0;
  const HeatmapImage* image = nullptr;  // what it holds, and at which version
  unsigned version = 0;
  int width = 0, height = 0, channels = 0;
};

struct Request {
  ImVec2 min, max;
  const HeatmapImage* image;
  int slot;
  bool discretize;
};

struct State {
  GLuint program = 0, vertex_array = 0;
  GLint rect = -1, values = -1, kind = -1, classes = -1, discretize = -1, palette = -1, background = -1;
  std::unordered_map<int, Texture> textures;  // by slot
  std::deque<Request> requests;               // a deque: callbacks keep pointers into it
};
State g_state;

void upload_if_changed(Texture& texture, const HeatmapImage& image) {
  bool same_size = texture.id != 0 && texture.width == image.width && texture.height == image.height &&
                   texture.channels == image.channels();
  if (same_size && texture.image == &image && texture.version == image.version) return;
  GLenum format = image.channels() == 1 ? GL_RED : GL_RGBA;
  if (!same_size) {
    // Half floats are filterable in WebGL2 and ES 3.0, so the boundary is smoothly interpolated.
    if (texture.id != 0) glDeleteTextures(1, &texture.id);
    glGenTextures(1, &texture.id);
    glBindTexture(GL_TEXTURE_2D, texture.id);
    glTexStorage2D(GL_TEXTURE_2D, 1, image.channels() == 1 ? GL_R16F : GL_RGBA16F, image.width, image.height);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  } else {
    glBindTexture(GL_TEXTURE_2D, texture.id);
  }
  // Re-uploads reuse the storage: reallocating every frame is slow in software GL.
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, image.width, image.height, format, GL_FLOAT, image.texels.data());
  texture.image = &image;
  texture.version = image.version;
  texture.width = image.width;
  texture.height = image.height;
  texture.channels = image.channels();
}

void draw_request(const ImDrawList*, const ImDrawCmd* cmd) {
  const Request& r = *static_cast<const Request*>(cmd->UserCallbackData);
  const imgui_renderer::FrameGeometry& g = imgui_renderer::frame_geometry();
  Texture& texture = g_state.textures[r.slot];
  upload_if_changed(texture, *r.image);

  // Clip like ImGui would, in framebuffer pixels (origin bottom-left).
  float cx0 = (cmd->ClipRect.x - g.display_pos.x) * g.framebuffer_scale.x;
  float cy0 = (cmd->ClipRect.y - g.display_pos.y) * g.framebuffer_scale.y;
  float cx1 = (cmd->ClipRect.z - g.display_pos.x) * g.framebuffer_scale.x;
  float cy1 = (cmd->ClipRect.w - g.display_pos.y) * g.framebuffer_scale.y;
  if (cx1 <= cx0 || cy1 <= cy0) return;
  glScissor(static_cast<GLint>(cx0), static_cast<GLint>(static_cast<float>(g.framebuffer_height) - cy1),
            static_cast<GLsizei>(cx1 - cx0), static_cast<GLsizei>(cy1 - cy0));

  auto to_clip_x = [&g](float x) { return (x - g.display_pos.x) / g.display_size.x * 2.0f - 1.0f; };
  auto to_clip_y = [&g](float y) { return 1.0f - (y - g.display_pos.y) / g.display_size.y * 2.0f; };
  glDisable(GL_BLEND);
  glUseProgram(g_state.program);
  glUniform4f(g_state.rect, to_clip_x(r.min.x), to_clip_y(r.max.y), to_clip_x(r.max.x), to_clip_y(r.min.y));
  glUniform1i(g_state.values, 0);
  glUniform1i(g_state.kind, static_cast<int>(r.image->kind));
  glUniform1i(g_state.classes, r.image->classes);
  glUniform1i(g_state.discretize, r.discretize ? 1 : 0);
  float palette[15];
  for (int k = 0; k < 5; ++k) {
    palette[3 * k] = kHeatmapPalette[k].x;
    palette[3 * k + 1] = kHeatmapPalette[k].y;
    palette[3 * k + 2] = kHeatmapPalette[k].z;
  }
  glUniform3fv(g_state.palette, 5, palette);
  glUniform3f(g_state.background, kHeatmapBackground.x, kHeatmapBackground.y, kHeatmapBackground.z);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, texture.id);
  glBindVertexArray(g_state.vertex_array);
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

void queue(ImDrawList* draw_list, ImVec2 min, ImVec2 max, const HeatmapImage& image, int slot, bool discretize) {
  g_state.requests.push_back(Request{min, max, &image, slot, discretize});
  draw_list->AddCallback(draw_request, &g_state.requests.back());
  draw_list->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

}  // namespace

bool init() {
  std::string error;
  g_state.program = compile_program(shaders::heatmap_vert, shaders::heatmap_frag, &error);
  if (!g_state.program) {
    std::fprintf(stderr, "heat map shader: %s\n", error.c_str());
    return false;
  }
  g_state.rect = glGetUniformLocation(g_state.program, "rect");
  g_state.values = glGetUniformLocation(g_state.program, "values");
  g_state.kind = glGetUniformLocation(g_state.program, "kind");
  g_state.classes = glGetUniformLocation(g_state.program, "classes");
  g_state.discretize = glGetUniformLocation(g_state.program, "discretize");
  g_state.palette = glGetUniformLocation(g_state.program, "palette");
  g_state.background = glGetUniformLocation(g_state.program, "background");
  glGenVertexArrays(1, &g_state.vertex_array);  // empty: the vertex shader makes the corners
  set_heatmap_backend(queue);
  return true;
}

void begin_frame() { g_state.requests.clear(); }

void shutdown() {
  set_heatmap_backend(nullptr);
  for (auto& [slot, texture] : g_state.textures) glDeleteTextures(1, &texture.id);
  glDeleteVertexArrays(1, &g_state.vertex_array);
  glDeleteProgram(g_state.program);
  g_state = State{};
}

}  // namespace heatmap_renderer
