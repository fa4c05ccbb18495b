// The data the style classifier learns from (tools/train_style_classifier.cpp):
// which of ~70 offline source images a random crop came from. Telling
// textures apart from small crops makes the network's features respond to
// colour, edges and repeating structure: what a style loss needs to see.
//
// The sources, in a fixed order that defines the class numbers: every GIMP
// pattern from gimp-data (tiled: they are seamless), ten scikit-image photos
// and textures, van Gogh's Starry Night from opencv-doc, and the two
// procedural styles. Photos are shrunk so their long side is kPhotoSide.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/random.h"
#include "engine/tensor.h"

struct ClassifierImage {
  std::string name;
  Tensor image;        // [1, 3, H, W] in [0, 1]
  bool tiled = false;  // crops wrap around (seamless patterns)
};

constexpr int kPhotoSide = 256;

// The source paths under third_party/ ("gimp-patterns/Animal/leopard.pat"),
// then "procedural:swirl" and "procedural:stained_glass".
const std::vector<std::string>& classifier_source_paths();

// Loads every source; false with a message naming the first missing or bad file.
bool load_classifier_sources(const std::string& third_party_dir, std::vector<ClassifierImage>* sources,
                             std::string* error);

// `count` distinct seeded images (smooth colour fields with stripes) standing
// in for the real sources in tests.
std::vector<ClassifierImage> synthetic_classifier_sources(int count, int size, uint64_t seed);

struct CropBatch {
  Tensor images;            // [B, 3, crop, crop]
  std::vector<int> labels;  // B source indices
};

// B crops of crop x crop pixels, each from a uniformly drawn source at a
// uniform position. With `augment`: a horizontal flip and a vertical flip,
// each with probability 1/2, and colour jitter (brightness x U(0.8, 1.2),
// each channel x U(0.9, 1.1), clamped to [0, 1]). Sources smaller than the
// crop wrap around.
CropBatch sample_crops(const std::vector<ClassifierImage>& sources, int batch, int crop, bool augment, Pcg32& rng);
