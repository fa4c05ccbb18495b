// The GPU backend of demos/rgb_image.h: each slot's picture becomes an RGBA8
// texture (re-uploaded only when the image or its version changes), drawn as
// an ordinary ImGui image so it is clipped like everything else.
#pragma once

namespace rgb_image_renderer {

void init();  // registers the backend (needs the GL context)
void shutdown();

}  // namespace rgb_image_renderer
