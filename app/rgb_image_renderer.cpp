#include "app/rgb_image_renderer.h"

#include <GLES3/gl3.h>

#include <cstdint>
#include <unordered_map>

#include "demos/rgb_image.h"

namespace rgb_image_renderer {
namespace {

struct Texture {
  GLuint id = 0;
  const RgbImage* image = nullptr;  // what it holds, and at which version
  unsigned version = 0;
  int width = 0, height = 0;
  GLint filter = 0;  // GL_NEAREST or GL_LINEAR once set
};
std::unordered_map<int, Texture> g_textures;  // by slot

void upload_if_changed(Texture& texture, const RgbImage& image) {
  bool same_size = texture.id != 0 && texture.width == image.width && texture.height == image.height;
  if (same_size && texture.image == &image && texture.version == image.version) return;
  if (!same_size) {
    if (texture.id != 0) glDeleteTextures(1, &texture.id);
    glGenTextures(1, &texture.id);
    glBindTexture(GL_TEXTURE_2D, texture.id);
    glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, image.width, image.height);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    texture.filter = 0;
  } else {
    glBindTexture(GL_TEXTURE_2D, texture.id);
  }
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, image.width, image.height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  texture.image = &image;
  texture.version = image.version;
  texture.width = image.width;
  texture.height = image.height;
}

void set_filter(Texture& texture, bool nearest) {
  GLint filter = nearest ? GL_NEAREST : GL_LINEAR;
  if (texture.filter == filter) return;
  glBindTexture(GL_TEXTURE_2D, texture.id);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
  texture.filter = filter;
}

// Uploads now (the GL context is current during the frame), then lets ImGui
// draw the texture; a slot holds one picture per frame.
void queue(ImDrawList* draw_list, ImVec2 min, ImVec2 max, const RgbImage& image, int slot, bool nearest) {
  Texture& texture = g_textures[slot];
  upload_if_changed(texture, image);
  set_filter(texture, nearest);
  draw_list->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture.id)), min, max);
}

}  // namespace

void init() { set_rgb_image_backend(queue); }

void shutdown() {
  set_rgb_image_backend(nullptr);
  for (auto& [slot, texture] : g_textures) glDeleteTextures(1, &texture.id);
  g_textures.clear();
}

}  // namespace rgb_image_renderer
