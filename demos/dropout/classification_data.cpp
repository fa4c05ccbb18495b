#include "demos/dropout/classification_data.h"

#include <algorithm>

namespace {

void copy_images(const ImageSet& set, int count, std::vector<float>* x, std::vector<int>* labels) {
  int n = std::clamp(count, 0, set.count);
  size_t pixels = static_cast<size_t>(set.rows) * set.cols;
  x->resize(static_cast<size_t>(n) * pixels);
  labels->resize(static_cast<size_t>(n));
  for (size_t i = 0; i < static_cast<size_t>(n) * pixels; ++i) (*x)[i] = static_cast<float>(set.pixels[i]) / 255.0f;
  for (int i = 0; i < n; ++i) (*labels)[static_cast<size_t>(i)] = set.labels[static_cast<size_t>(i)];
}

}  // namespace

ClassificationData images_from_asset(const ImageAsset& asset, int train_count, int test_count) {
  ClassificationData data;
  data.image_rows = asset.train.rows > 0 ? asset.train.rows : asset.test.rows;
  data.image_cols = asset.train.cols > 0 ? asset.train.cols : asset.test.cols;
  data.inputs = data.image_rows * data.image_cols;
  data.classes = static_cast<int>(asset.class_names.size());
  data.class_names = asset.class_names;
  copy_images(asset.train, train_count, &data.train_x, &data.train_labels);
  copy_images(asset.test, test_count, &data.test_x, &data.test_labels);
  return data;
}

ClassificationData points_from_generator(Dataset2DKind kind, int train_count, int test_count, float noise,
                                         uint64_t seed) {
  ClassificationData data;
  data.inputs = 2;
  Pcg32 rng(seed);
  Dataset2D train = make_dataset_2d(kind, std::max(1, train_count), noise, rng);
  Dataset2D test = make_dataset_2d(kind, std::max(1, test_count), noise, rng);
  data.classes = std::max(2, train.classes);
  for (int k = 0; k < data.classes; ++k) data.class_names.push_back("class " + std::to_string(k));
  data.train_x = train.x;
  data.train_labels = train.label;
  data.test_x = test.x;
  data.test_labels = test.label;
  return data;
}
