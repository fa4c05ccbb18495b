// The dropout demo's data: labelled examples as rows of floats, either
// Fashion-MNIST images (784 pixels in [0, 1]) or noisy 2-D points.
//
// Both come in through plain functions of an ImageAsset or a generator, so the
// model and its tests never need the downloaded file: a test can build an
// ImageAsset of its own.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/data/generators.h"
#include "engine/data/image_asset.h"

struct ClassificationData {
  int inputs = 0;   // features per example: rows * cols pixels, or 2 coordinates
  int classes = 0;
  int image_rows = 0, image_cols = 0;  // 0 for points
  std::vector<std::string> class_names;
  std::vector<float> train_x, test_x;  // [n, inputs], row-major
  std::vector<int> train_labels, test_labels;

  bool is_images() const { return image_rows > 0; }
  int train_size() const { return static_cast<int>(train_labels.size()); }
  int test_size() const { return static_cast<int>(test_labels.size()); }
  const float* train_row(int i) const { return train_x.data() + static_cast<size_t>(i) * inputs; }
  const float* test_row(int i) const { return test_x.data() + static_cast<size_t>(i) * inputs; }
};

// The first `train_count` training and `test_count` test images of the asset
// (fewer if it has fewer), pixels scaled from 0..255 to [0, 1]. A small
// training subset is what lets a wide network overfit within a minute.
ClassificationData images_from_asset(const ImageAsset& asset, int train_count, int test_count);

// Noisy 2-D points from one of the engine's generators: train and test sets
// drawn independently from one seed. With few training points and noise 0.3,
// a wide network bends its boundary around individual noisy points.
ClassificationData points_from_generator(Dataset2DKind kind, int train_count, int test_count, float noise,
                                         uint64_t seed);
