#include "app/imgui_renderer.h"

#include <GLES3/gl3.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "app/gl_program.h"
#include "imgui.h"
#include "shaders_embedded.h"

namespace imgui_renderer {
namespace {

struct State {
  GLuint program = 0;
  GLint projection_location = -1;
  GLint texture_location = -1;
  GLuint vertex_array = 0;
  GLuint vertex_buffer = 0;
  GLuint index_buffer = 0;
  GLuint font_texture = 0;
};
State g_state;
FrameGeometry g_geometry;

void set_render_state(const ImDrawData* data, int framebuffer_width, int framebuffer_height) {
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_SCISSOR_TEST);
  glViewport(0, 0, framebuffer_width, framebuffer_height);

  // Orthographic projection of ImGui's logical-pixel rectangle onto clip space.
  float left = data->DisplayPos.x, right = data->DisplayPos.x + data->DisplaySize.x;
  float top = data->DisplayPos.y, bottom = data->DisplayPos.y + data->DisplaySize.y;
  const float projection[16] = {
      2.0f / (right - left), 0, 0, 0,
      0, 2.0f / (top - bottom), 0, 0,
      0, 0, -1, 0,
      (right + left) / (left - right), (top + bottom) / (bottom - top), 0, 1,
  };
  glUseProgram(g_state.program);
  glUniform1i(g_state.texture_location, 0);
  glUniformMatrix4fv(g_state.projection_location, 1, GL_FALSE, projection);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(g_state.vertex_array);
  glBindBuffer(GL_ARRAY_BUFFER, g_state.vertex_buffer);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g_state.index_buffer);
}

}  // namespace

const FrameGeometry& frame_geometry() { return g_geometry; }

bool init() {
  std::string error;
  g_state.program = compile_program(shaders::imgui_vert, shaders::imgui_frag, &error);
  if (!g_state.program) {
    std::fprintf(stderr, "imgui renderer: %s\n", error.c_str());
    return false;
  }
  g_state.projection_location = glGetUniformLocation(g_state.program, "projection");
  g_state.texture_location = glGetUniformLocation(g_state.program, "tex");

  glGenVertexArrays(1, &g_state.vertex_array);
  glGenBuffers(1, &g_state.vertex_buffer);
  glGenBuffers(1, &g_state.index_buffer);
  glBindVertexArray(g_state.vertex_array);
  glBindBuffer(GL_ARRAY_BUFFER, g_state.vertex_buffer);
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  const GLsizei stride = sizeof(ImDrawVert);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
  glBindVertexArray(0);

  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "playground_gles3";
  rebuild_font_texture();
  return true;
}

void rebuild_font_texture() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  if (g_state.font_texture) glDeleteTextures(1, &g_state.font_texture);
  glGenTextures(1, &g_state.font_texture);
  glBindTexture(GL_TEXTURE_2D, g_state.font_texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(g_state.font_texture)));
}

void render(ImDrawData* data) {
  int fb_width = static_cast<int>(data->DisplaySize.x * data->FramebufferScale.x);
  int fb_height = static_cast<int>(data->DisplaySize.y * data->FramebufferScale.y);
  if (fb_width <= 0 || fb_height <= 0) return;
  g_geometry = FrameGeometry{data->DisplayPos, data->DisplaySize, data->FramebufferScale, fb_width, fb_height};
  set_render_state(data, fb_width, fb_height);

  const ImVec2 origin = data->DisplayPos, scale = data->FramebufferScale;
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    // Without glDrawElementsBaseVertex (not in ES 3.0) ImGui keeps each list
    // under 65536 vertices, so 16-bit indices address it directly.
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                 list->VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                 list->IdxBuffer.Data, GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback == ImDrawCallback_ResetRenderState) set_render_state(data, fb_width, fb_height);
        else cmd.UserCallback(list, &cmd);
        continue;
      }
      // Clip rectangle in framebuffer pixels; GL's scissor origin is bottom-left.
      float x0 = (cmd.ClipRect.x - origin.x) * scale.x, y0 = (cmd.ClipRect.y - origin.y) * scale.y;
      float x1 = (cmd.ClipRect.z - origin.x) * scale.x, y1 = (cmd.ClipRect.w - origin.y) * scale.y;
      if (x1 <= x0 || y1 <= y0) continue;
      glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(fb_height) - y1),
                static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
      glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID())));
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                     sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                     reinterpret_cast<void*>(static_cast<intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
    }
  }
  glDisable(GL_SCISSOR_TEST);
}

void shutdown() {
  glDeleteTextures(1, &g_state.font_texture);
  glDeleteBuffers(1, &g_state.vertex_buffer);
  glDeleteBuffers(1, &g_state.index_buffer);
  glDeleteVertexArrays(1, &g_state.vertex_array);
  glDeleteProgram(g_state.program);
  g_state = State{};
}

}  // namespace imgui_renderer
