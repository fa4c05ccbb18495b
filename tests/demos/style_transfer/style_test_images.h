// The default content/style pair for the style-transfer tests: the catalogue's
// astronaut photo (from the build's data/style/) and the procedural swirl.
#pragma once

#include <string>

#include "demos/style_transfer/image_catalog.h"
#include "engine/data/image_loader.h"

inline Tensor test_content_image() {
  ImageResult r = load_image_file(std::string(PLAYGROUND_DATA_DIR) + "/style/astronaut.png", 3);
  return r.ok ? r.image : Tensor();
}

inline Tensor test_style_image(int size = 128) {
  return make_procedural_style(ProceduralStyle::Swirl, size, 1);
}
