#include "demos/style_transfer/image_catalog.h"

#include "demos/i18n/tr.h"
#include "engine/data/image_resize.h"

namespace {

constexpr ImageRole kContent = ImageRole::Content, kStyle = ImageRole::Style;
constexpr ProceduralStyle kNone = ProceduralStyle::Swirl;  // unused for asset entries

// Licence lines as the packages state them (docs/style-images.md has the detail).
constexpr const char* kOpencv = "OpenCV sample data (opencv-doc), Apache-2.0 AND BSD-3-Clause";
constexpr const char* kGimp = "GIMP pattern (gimp-data), GPL-3+";

}  // namespace

const std::vector<CatalogImage>& image_catalog() {
  static const std::vector<CatalogImage> catalog = {
      {"astronaut", translatable("Astronaut (Eileen Collins)"), kContent, "skimage-data/astronaut.png", false, kNone,
       "NASA photograph, public domain; scikit-image sample data (python3-skimage)"},
      {"chelsea", translatable("Chelsea the cat"), kContent, "skimage-data/chelsea.png", false, kNone,
       "Stefan van der Walt, CC0; scikit-image sample data (python3-skimage)"},
      {"coffee", translatable("Coffee"), kContent, "skimage-data/coffee.png", false, kNone,
       "Rachel Michetti, CC0; scikit-image sample data (python3-skimage)"},
      {"rocket", translatable("Rocket launch"), kContent, "skimage-data/rocket.jpg", false, kNone,
       "SpaceX photograph, public domain; scikit-image sample data (python3-skimage)"},
      {"fruits", translatable("Fruits"), kContent, "opencv-data/fruits.jpg", false, kNone, kOpencv},
      {"building", translatable("Building"), kContent, "opencv-data/building.jpg", false, kNone, kOpencv},
      {"butterfly", translatable("Butterfly"), kContent, "opencv-data/butterfly.jpg", false, kNone, kOpencv},
      {"starry_night", translatable("The Starry Night (van Gogh)"), kStyle, "opencv-data/starry_night.jpg", false, kNone,
       "Vincent van Gogh, 1889, public domain; OpenCV sample data (opencv-doc)", 16},
      {"brick", translatable("Brick"), kStyle, "skimage-data/brick.png", false, kNone,
       "CC0Textures, CC0; scikit-image sample data (python3-skimage)"},
      {"grass", translatable("Grass"), kStyle, "skimage-data/grass.png", false, kNone,
       "linolafett (DeviantArt), CC0; scikit-image sample data (python3-skimage)"},
      {"gravel", translatable("Gravel"), kStyle, "skimage-data/gravel.png", false, kNone,
       "CC0Textures, CC0; scikit-image sample data (python3-skimage)"},
      {"leopard", translatable("Leopard"), kStyle, "gimp-patterns/Animal/leopard.pat", false, kNone, kGimp},
      {"marble", translatable("Pink marble"), kStyle, "gimp-patterns/Stone/pink_marble.pat", false, kNone, kGimp},
      {"wood", translatable("Wood"), kStyle, "gimp-patterns/Wood/wood1.pat", false, kNone, kGimp},
      {"starfield", translatable("Starfield"), kStyle, "gimp-patterns/Sky/starfield.pat", false, kNone, kGimp},
      {"burlap", translatable("Burlap"), kStyle, "gimp-patterns/Fabric/burlap.pat", false, kNone, kGimp},
      {"lightning", translatable("Lightning"), kStyle, "gimp-patterns/Sky/lightning.pat", false, kNone, kGimp},
      {"swirl", translatable("Swirls (procedural)"), kStyle, nullptr, true, ProceduralStyle::Swirl,
       translatable("painted by our code from a seed")},
      {"stained_glass", translatable("Stained glass (procedural)"), kStyle, nullptr, true, ProceduralStyle::StainedGlass,
       translatable("painted by our code from a seed")},
  };
  return catalog;
}

const CatalogImage* find_catalog_image(const std::string& id) {
  for (const CatalogImage& image : image_catalog())
    if (id == image.id) return &image;
  return nullptr;
}

std::vector<const CatalogImage*> catalog_images(ImageRole role) {
  std::vector<const CatalogImage*> found;
  for (const CatalogImage& image : image_catalog())
    if (image.role == role) found.push_back(&image);
  return found;
}

std::string catalog_asset_path(const CatalogImage& image) {
  return image.procedural ? "" : std::string("data/style/") + image.id + ".png";
}

ImageResult working_image(const uint8_t* data, size_t size, int max_side) {
  if (max_side < 1) return ImageResult{false, "image: the working size must be positive", Tensor(), ""};
  ImageResult result = load_image(data, size, 3);
  if (result.ok) result.image = resize_to_fit(result.image, max_side);
  return result;
}

Tensor paint_catalog_image(const CatalogImage& image, int size, uint64_t seed) {
  return make_procedural_style(image.procedural_kind, size, seed);
}
