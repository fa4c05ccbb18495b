#include "demos/style_transfer/fast_styles.h"

#include "engine/data/gimp_pattern.h"
#include "engine/data/image_loader.h"
#include "demos/style_transfer/photo_crops.h"

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

bool load_fast_training_data(const std::string& data_dir, FastTrainingData* data, std::string* error) {
  auto load = [&](const char* file, int shorter, std::vector<Tensor>& into) {
    ImageResult r = load_image_file(data_dir + "/" + file, 3);
    if (!r.ok) {
      *error = data_dir + "/" + file + ": " + r.error + " (tools/setup.sh links the Debian image folders)";
      return false;
    }
    into.push_back(resize_shorter_side(r.image, shorter));
    return true;
  };
  FastTrainingData d;
  for (const char* file : kFastTrainingPhotos)
    if (!load(file, kFastPhotoShorterSide, d.photos)) return false;
  for (const char* file : kFastHeldOutPhotos)
    if (!load(file, kFastEvaluationSize, d.held_out)) return false;
  for (const FastStyle& style : kFastStyles) {
    Tensor image = load_fast_style_image(style, data_dir, error);
    if (image.empty()) return false;
    d.styles.push_back(std::move(image));
  }
  *data = std::move(d);
  return true;
}
