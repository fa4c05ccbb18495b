#include "demos/style_transfer/fast_styles.h"

#include "engine/data/gimp_pattern.h"
#include "engine/data/image_loader.h"

TransformNetworkShape fast_network_shape() {
  TransformNetworkShape shape;
  shape.styles = kFastStyleCount;
  shape.width1 = 16;
  shape.width2 = 32;
  shape.width3 = 64;
  shape.residual_blocks = 3;
  shape.outer_kernel = 9;
  return shape;
}

Tensor load_fast_style_image(const FastStyle& style, const std::string& data_dir, std::string* error) {
  if (style.source == FastStyleSource::Procedural)
    return make_procedural_style(style.procedural, kFastProceduralSize, kFastProceduralSeed);
  const std::string path = data_dir + "/" + style.file;
  if (style.source == FastStyleSource::GimpPattern) {
    GimpPatternResult r = load_gimp_pattern_file(path, 3);
    if (!r.ok) *error = path + ": " + r.error;
    return r.ok ? r.image : Tensor();
  }
  ImageResult r = load_image_file(path, 3);
  if (!r.ok) *error = path + ": " + r.error;
  return r.ok ? r.image : Tensor();
}
