// Measures of a style-transfer result that do not come from the loss it was
// optimised with (docs/style-transfer.md has the table they produced).
// Images are [1, 3, H, W] RGB in [0, 1].
#pragma once

#include <string>
#include <vector>

#include "demos/style_transfer/loss_network.h"
#include "engine/tensor.h"

// Colour-histogram distance: the total variation distance
// 0.5 * sum_bins |p - q| between the normalised 3-D RGB histograms of a and b
// (8 bins per channel, 512 bins). 0 for the same colours, 1 for disjoint ones;
// the sizes may differ.
double colour_histogram_distance(const Tensor& a, const Tensor& b);

// Mean SSIM (Wang, Bovik, Sheikh & Simoncelli 2004) of the luminances
// Y = 0.299 R + 0.587 G + 0.114 B, with their Gaussian window (sigma 1.5,
// 11 x 11), C1 = (0.01)^2, C2 = (0.03)^2, averaged over the positions where
// the window fits. Same size; 1 for identical images.
double ssim(const Tensor& a, const Tensor& b);

// The style loss of `image` against `style` under `judge`, a network other
// than the one optimised with: mean over relu1_1, relu2_1, relu3_1, relu4_1
// of the relative Gram error ||G(x) - G(s)||^2 / ||G(s)||^2.
double gram_loss_under(LossNetwork& judge, const Tensor& image, const Tensor& style);

// The largest normalised cross-correlation of the luminances of a and b over
// every offset at which they overlap by at least half of a's height and
// width (Pearson correlation over the overlap). Near 1 where a is a shifted
// copy of part of b.
double max_normalised_cross_correlation(const Tensor& a, const Tensor& b);
