#include "demos/style_transfer/classifier_data.h"

#include <algorithm>

#include "demos/style_transfer/loss_network.h"
#include "demos/style_transfer/procedural_styles.h"
#include "engine/data/gimp_pattern.h"
#include "engine/data/image_loader.h"
#include "engine/data/image_resize.h"

const std::vector<std::string>& classifier_source_paths() {
  static const std::vector<std::string> paths = [] {
    std::vector<std::string> p;
    const char* patterns[] = {
        "Animal/leather", "Animal/leopard", "Fabric/burlap", "Food/choc_swirl", "Food/java", "Legacy/3dgreen",
        "Legacy/Stripes1px", "Legacy/Stripes2px", "Legacy/blue", "Legacy/bluegrid", "Legacy/bluesquares",
        "Legacy/blueweb", "Legacy/fibers", "Legacy/nops", "Legacy/pastel", "Legacy/qube1", "Legacy/recessed",
        "Legacy/redcube", "Legacy/sm_squares", "Legacy/warning", "Paper/crinklepaper", "Paper/paper",
        "Plant/leaves", "Sky/lightning", "Sky/sky", "Sky/starfield", "Stone/Craters", "Stone/Moonfoot",
        "Stone/amethyst", "Stone/brick", "Stone/cracked", "Stone/granite1", "Stone/ground1", "Stone/marble1",
        "Stone/marble2", "Stone/marble3", "Stone/pink_marble", "Stone/rock", "Stone/slate", "Stone/stone33",
        "Stone/terra", "Water/electric", "Water/ice", "Water/pool", "Water/rain", "Wood/bark", "Wood/burlwood",
        "Wood/corkboard", "Wood/parque1", "Wood/parque2", "Wood/parque3", "Wood/pine", "Wood/walnut",
        "Wood/wood1", "Wood/wood2", "Wood/wood3", "Wood/wood4", "Wood/wood5"};
    for (const char* name : patterns) p.push_back(std::string("gimp-patterns/") + name + ".pat");
    for (const char* photo : {"astronaut.png", "chelsea.png", "coffee.png", "rocket.jpg", "brick.png", "grass.png",
                              "gravel.png", "hubble_deep_field.jpg", "motorcycle_left.png", "ihc.png"})
      p.push_back(std::string("skimage-data/") + photo);
    p.push_back("opencv-data/starry_night.jpg");
    p.push_back("procedural:swirl");
    p.push_back("procedural:stained_glass");
    return p;
  }();
  return paths;
}

bool load_classifier_sources(const std::string& third_party_dir, std::vector<ClassifierImage>* sources,
                             std::string* error) {
  std::vector<ClassifierImage> loaded;
  for (const std::string& path : classifier_source_paths()) {
    ClassifierImage source;
    source.name = path;
    if (path == "procedural:swirl" || path == "procedural:stained_glass") {
      const ProceduralStyle kind = path == "procedural:swirl" ? ProceduralStyle::Swirl : ProceduralStyle::StainedGlass;
      source.image = make_procedural_style(kind, kPhotoSide, 1);
    } else if (path.size() > 4 && path.compare(path.size() - 4, 4, ".pat") == 0) {
      GimpPatternResult pattern = load_gimp_pattern_file(third_party_dir + "/" + path, 3);
      if (!pattern.ok) {
        *error = path + ": " + pattern.error;
        return false;
      }
      source.image = pattern.image;
      source.tiled = true;
    } else {
      ImageResult photo = load_image_file(third_party_dir + "/" + path, 3);
      if (!photo.ok) {
        *error = path + ": " + photo.error;
        return false;
      }
      source.image = resize_to_fit(photo.image, kPhotoSide);
    }
    loaded.push_back(std::move(source));
  }
  *sources = std::move(loaded);
  return true;
}

std::vector<ClassifierImage> synthetic_classifier_sources(int count, int size, uint64_t seed) {
  std::vector<ClassifierImage> sources;
  std::vector<Tensor> images = normalisation_images(count, size, seed);
  for (int k = 0; k < count; ++k) sources.push_back({"synthetic " + std::to_string(k), images[k], false});
  return sources;
}

CropBatch sample_crops(const std::vector<ClassifierImage>& sources, int batch, int crop, bool augment, Pcg32& rng) {
  CropBatch out{Tensor(Shape{batch, 3, crop, crop}), {}};
  const int plane = crop * crop;
  for (int b = 0; b < batch; ++b) {
    const int label = static_cast<int>(rng.below(static_cast<uint32_t>(sources.size())));
    out.labels.push_back(label);
    const ClassifierImage& source = sources[label];
    const int height = source.image.dim(2), width = source.image.dim(3);
    const bool wraps = source.tiled || height < crop || width < crop;
    const int top = static_cast<int>(rng.below(static_cast<uint32_t>(wraps ? height : height - crop + 1)));
    const int left = static_cast<int>(rng.below(static_cast<uint32_t>(wraps ? width : width - crop + 1)));
    bool flip_x = false, flip_y = false;
    float brightness = 1, gains[3] = {1, 1, 1};
    if (augment) {
      flip_x = rng.below(2) == 1;
      flip_y = rng.below(2) == 1;
      brightness = rng.uniform(0.8f, 1.2f);
      for (float& g : gains) g = rng.uniform(0.9f, 1.1f);
    }
    for (int c = 0; c < 3; ++c) {
      const float gain = brightness * gains[c];
      const float* in = source.image.data() + c * height * width;
      float* dst = out.images.data() + (b * 3 + c) * plane;
      for (int y = 0; y < crop; ++y)
        for (int x = 0; x < crop; ++x) {
          const int sy = (top + (flip_y ? crop - 1 - y : y)) % height;
          const int sx = (left + (flip_x ? crop - 1 - x : x)) % width;
          dst[y * crop + x] = std::min(1.0f, in[sy * width + sx] * gain);
        }
    }
  }
  return out;
}
