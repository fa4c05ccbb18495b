// The styles of the shipped fast network (assets/style-transform.dlpw), in the
// order of its conditional-normalisation parameters (style0 ... style3), and
// the photos it was trained and measured on. docs/style-transfer-fast.md has
// the command, the numbers and the images' sources (licences: docs/style-images.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "demos/i18n/tr.h"
#include "demos/style_transfer/procedural_styles.h"
#include "demos/style_transfer/transform_network.h"
#include "engine/tensor.h"

enum class FastStyleSource { ImageFile, GimpPattern, Procedural };

struct FastStyle {
  const char* id;     // as in docs/style-images.md and the demo's URL
  const char* label;  // for the UI, in English (shown through tr())
  FastStyleSource source;
  const char* file;   // under the data folder (third_party/ natively); unused when procedural
  ProceduralStyle procedural = ProceduralStyle::Swirl;
};

inline constexpr FastStyle kFastStyles[] = {
    {"starry_night", translatable("The Starry Night (van Gogh)"), FastStyleSource::ImageFile, "opencv-data/starry_night.jpg"},
    {"leopard", translatable("Leopard (GIMP pattern)"), FastStyleSource::GimpPattern, "gimp-patterns/Animal/leopard.pat"},
    {"swirl", translatable("Swirls (procedural)"), FastStyleSource::Procedural, "", ProceduralStyle::Swirl},
    {"stained_glass", translatable("Stained glass (procedural)"), FastStyleSource::Procedural, "",
     ProceduralStyle::StainedGlass},
};
inline constexpr int kFastStyleCount = static_cast<int>(sizeof(kFastStyles) / sizeof(kFastStyles[0]));

// The shipped shape: 16-32-64 channels, 3 residual blocks, 9x9 outer convs:
// 276 k shared weights and 1,094 normalisation parameters per style, 2.2 GMAC per 256 x 256.
TransformNetworkShape fast_network_shape();
inline constexpr uint64_t kFastNetworkSeed = 1;      // conv weight initialisation
inline constexpr uint64_t kFastLossNetworkSeed = 1;  // LossNetwork::random_normalised

// Every natural photograph of skimage-data and opencv-data (docs/style-images.md),
// less the held-out three and near-duplicates (stereo pairs count once).
inline constexpr const char* kFastTrainingPhotos[] = {
    "skimage-data/rocket.jpg",        "skimage-data/motorcycle_left.png", "skimage-data/camera.png",
    "skimage-data/coins.png",         "skimage-data/clock_motion.png",    "opencv-data/aero1.jpg",
    "opencv-data/aero3.jpg",          "opencv-data/aloeL.jpg",            "opencv-data/apple.jpg",
    "opencv-data/baboon.jpg",         "opencv-data/board.jpg",            "opencv-data/building.jpg",
    "opencv-data/butterfly.jpg",      "opencv-data/chicky_512.png",       "opencv-data/ela_original.jpg",
    "opencv-data/fruits.jpg",         "opencv-data/graf1.png",            "opencv-data/home.jpg",
    "opencv-data/left.jpg",           "opencv-data/leuvenA.jpg",          "opencv-data/licenseplate_motion.jpg",
    "opencv-data/messi5.jpg",         "opencv-data/orange.jpg",           "opencv-data/pca_test1.jpg",
    "opencv-data/rubberwhale1.png",   "opencv-data/smarties.png",         "opencv-data/squirrel_cls.jpg",
    "opencv-data/stuff.jpg",          "opencv-data/sudoku.png",           "opencv-data/basketball1.png",
    "opencv-data/box_in_scene.png",   "opencv-data/left01.jpg",
};
// Never trained on: the held-out measurements (and the demo's default content photos).
inline constexpr const char* kFastHeldOutPhotos[] = {
    "skimage-data/astronaut.png",
    "skimage-data/chelsea.png",
    "skimage-data/coffee.png",
};
inline constexpr int kFastPhotoShorterSide = 512;  // training photos are downscaled to this first
inline constexpr int kFastEvaluationSize = 192;    // held-out photos' shorter side for the measurements
inline constexpr int kFastProceduralSize = 256;    // procedural styles are painted at this size
inline constexpr uint64_t kFastProceduralSeed = 1; // and seed (the catalogue's preview seed)

// The style image [1, 3, H, W] in [0, 1], or an empty tensor and a message.
Tensor load_fast_style_image(const FastStyle& style, const std::string& data_dir, std::string* error);

// Everything the training tool reads: the training photos (shorter side
// kFastPhotoShorterSide), the held-out photos (kFastEvaluationSize) and the
// style images, in the orders above. False with a message if a file is missing.
struct FastTrainingData {
  std::vector<Tensor> photos, held_out, styles;
};
bool load_fast_training_data(const std::string& data_dir, FastTrainingData* data, std::string* error);
