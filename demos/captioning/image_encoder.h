// The captioning demo's image encoder: a small CNN that keeps a spatial grid,
// as Show, Attend and Tell does with a convolutional layer instead of a fully
// connected one (Xu et al. 2015, §3.1.1): an image [B, 3, 64, 64] in [0, 1]
// becomes L = 64 annotation vectors, one per 8 x 8 cell, each D wide.
//
//   conv 4x4 stride 2 (3 -> c1) ReLU            64 -> 32
//   conv 3x3 (c1 -> c2) ReLU, max-pool 2        32 -> 16
//   conv 3x3 (c2 -> c3) ReLU, max-pool 2        16 -> 8
//   + 2 coordinate channels (x, y in [-1, 1])   CoordConv (Liu et al. 2018): lets a
//   conv 3x3 (c3 + 2 -> D) ReLU                 cell's vector say where it is, which
//                                               "left of" and "above" need
// No normalisation layer: instance norm would rescale each colour channel on
// its own and blur the tints the captions name.
//
// Shared by the captioners, retrieval and VQA. He-initialised from a seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/autodiff.h"

struct ImageEncoderSize {
  int conv1 = 16, conv2 = 32, conv3 = 48;
  int depth = 48;  // D, the width of each cell's vector
};

class ImageEncoder {
 public:
  static constexpr int kImageSide = 64;
  static constexpr int kGridSide = 8, kCells = kGridSide * kGridSide;

  explicit ImageEncoder(uint64_t seed, ImageEncoderSize size = {}, const std::string& name = "encoder");

  // images [B, 3, 64, 64] -> grid [B, L = 64, D], cells in row-major order
  // (cell l covers pixels x in [8 (l % 8), 8 (l % 8) + 8), y in [8 (l / 8), ...)).
  Var encode(Tape& tape, Var images) const;

  int depth() const { return size_.depth; }
  const ImageEncoderSize& size() const { return size_; }
  std::vector<Parameter*> parameters();
  std::vector<const Parameter*> parameters() const;

 private:
  ImageEncoderSize size_;
  // Mutable: a tape borrows parameters through a non-const reference even to read them.
  mutable Parameter w1_, b1_, w2_, b2_, w3_, b3_, w4_, b4_;
};
