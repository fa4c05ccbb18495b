// Colour preservation for style transfer (Gatys, Ecker, Bethge, Hertzmann &
// Shechtman 2017, "Controlling Perceptual Factors in Neural Style Transfer",
// section 5). Images are [1, 3, H, W] RGB in [0, 1].
#pragma once

#include "engine/tensor.h"

// YIQ (the NTSC 1953 colour space): Y = 0.299 R + 0.587 G + 0.114 B is the
// luminance, I and Q the chroma. yiq_to_rgb is the exact matrix inverse.
Tensor rgb_to_yiq(const Tensor& rgb);
Tensor yiq_to_rgb(const Tensor& yiq);

// (a) Colour histogram matching: the style's pixels x become
// A (x - mu_s) + mu_c with A = Sigma_c^(1/2) Sigma_s^(-1/2) (symmetric square
// roots from the eigen decompositions), so their RGB mean and covariance are
// the content's; clamped to [0, 1]. A flat style (a singular covariance) is
// regularised by 1e-5 on the diagonal.
Tensor match_colour_statistics(const Tensor& style, const Tensor& content);

// (b) Luminance-only transfer, the two ends:
// the luminance [1, 1, H, W] of `image`, its mean and standard deviation
// shifted to those of `reference`'s luminance (Y' = (Y - mu) sigma_r / sigma + mu_r)
// when a reference is given;
Tensor luminance(const Tensor& rgb);
Tensor luminance_matched(const Tensor& rgb, const Tensor& reference_rgb);
// and the RGB image [1, 3, H, W] with Y from `y` [1, 1, H, W] and I, Q from
// `chroma_rgb` (same size), clamped to [0, 1].
Tensor combine_luminance(const Tensor& y, const Tensor& chroma_rgb);
