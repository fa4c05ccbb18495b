// Training crops for the fast style-transfer network: random squares of the
// content photos at random scales, resampled to one size, sometimes mirrored.
// Johnson et al. (2016) trained on 80k COCO photos; with a few dozen photos,
// varied crops and scales are what keeps the network from learning the photos.
#pragma once

#include <string>
#include <vector>

#include "engine/random.h"
#include "engine/tensor.h"

// image [1, C, H, W] -> [1, C, out_h, out_w]: each output pixel is the mean of
// the source rectangle it covers (area resampling, with fractional edges),
// so downscaling does not alias. The region is [x0, x0 + width) x [y0, y0 + height)
// in source pixels and must lie inside the image.
Tensor resample_area(const Tensor& image, float x0, float y0, float width, float height, int out_h, int out_w);
// The whole image at a new size.
Tensor resize_area(const Tensor& image, int out_h, int out_w);
// The whole image scaled so its shorter side is `shorter` (never upscaled), each side rounded to a multiple of 4.
Tensor resize_shorter_side(const Tensor& image, int shorter);

struct CropSettings {
  int size = 128;           // output side
  float smallest = 0.8f;    // the crop's source side, as a multiple of `size`, at the least
  float largest_fraction = 1.0f;  // at the most, as a fraction of the photo's shorter side
  bool mirror = true;       // flip left-right half of the time
};

class CropSampler {
 public:
  // photos: [1, 3, H, W] in [0, 1], each with a shorter side of at least
  // settings.smallest * settings.size (others are refused by usable()).
  CropSampler(std::vector<Tensor> photos, const CropSettings& settings);
  bool usable(std::string* error) const;
  // [batch, 3, size, size]: random photos, positions, scales (log-uniform) and mirroring.
  Tensor next(int batch, Pcg32& rng) const;
  int photo_count() const { return static_cast<int>(photos_.size()); }

 private:
  std::vector<Tensor> photos_;
  CropSettings settings_;
};
