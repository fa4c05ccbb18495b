// Two-dimensional toy data sets for classification, in the spirit of
// TensorFlow Playground's dataset.ts: plain functions (n, noise, rng) -> points.
//
// Every generator draws a clean point within about [-1, 1]^2 (the Gaussian
// ones may spill a little), then adds Gaussian noise of standard deviation
// `noise` to each coordinate. The noise
// draws are made even when noise is 0, so a seed fixes the clean points at
// every noise level and the noise slider moves points smoothly. Labels
// alternate 0, 1, ..., k-1 along the point index, so classes are balanced.
// All maths is +, -, *, / and sqrt (see generators.cpp), so a seed gives
// bit-identical data natively and in WebAssembly.
#pragma once

#include <vector>

#include "engine/random.h"

struct Dataset2D {
  std::vector<float> x;    // n * 2, row-major: point i is (x[2i], x[2i + 1])
  std::vector<int> label;  // n class indices in 0..classes-1
  int classes = 2;

  int size() const { return static_cast<int>(label.size()); }
};

// Two classes on either side of a tilted line, at least 0.1 from it.
Dataset2D make_linear(int n, float noise, Pcg32& rng);
// Class 1 in the quadrants where x * y > 0, class 0 where x * y < 0; points
// keep 0.05 from the axes.
Dataset2D make_xor(int n, float noise, Pcg32& rng);
// Class 1 inside radius 0.5, class 0 in the ring between 0.7 and 1.
Dataset2D make_circle(int n, float noise, Pcg32& rng);
// Class 1 around (0.5, 0.5), class 0 around (-0.5, -0.5), each with its own
// spread 0.25 before the noise.
Dataset2D make_two_gaussians(int n, float noise, Pcg32& rng);
// Two interleaved spiral arms of 1.75 turns, half a turn apart.
Dataset2D make_spiral(int n, float noise, Pcg32& rng);
// Two interleaving half circles (as scikit-learn's make_moons), scaled to fit.
Dataset2D make_moons(int n, float noise, Pcg32& rng);
// `classes` Gaussian blobs of spread 0.15 on a circle of radius 0.6.
Dataset2D make_k_class_blobs(int n, int classes, float noise, Pcg32& rng);
// `classes` spiral arms, evenly offset in angle, of 3.5 / classes turns each
// (1.75 for two arms), so neighbouring arms are always 1 / 3.5 apart radially.
Dataset2D make_k_class_spirals(int n, int classes, float noise, Pcg32& rng);

// The generators by kind, for demos that offer a choice of data set.
enum class Dataset2DKind { Linear, Xor, Circle, TwoGaussians, Spiral, Moons, Blobs, Spirals };
constexpr int kDataset2DKindCount = 8;
const char* dataset_2d_name(Dataset2DKind kind);  // "xor", "two gaussians", ...
// `classes` is used by Blobs and Spirals only; the others have two classes.
Dataset2D make_dataset_2d(Dataset2DKind kind, int n, float noise, Pcg32& rng, int classes = 3);
