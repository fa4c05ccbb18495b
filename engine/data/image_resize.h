// Resizing images [1, C, H, W] to a working size, separably along each axis:
// area averaging when an axis shrinks (each output pixel is the mean of the
// source area it covers, so nothing aliases), bilinear interpolation when it
// grows (pixel centres aligned, edges clamped). Plain arithmetic only, so the
// result is the same natively and in wasm.
#pragma once

#include "engine/tensor.h"

Tensor resize_image(const Tensor& image, int out_height, int out_width);

// The size whose long side is at most max_side, keeping the aspect ratio
// (rounded, at least 1 pixel); unchanged when it already fits.
void fit_size(int height, int width, int max_side, int& out_height, int& out_width);

// `image` shrunk so its long side is at most max_side; returned as is if it fits.
Tensor resize_to_fit(const Tensor& image, int max_side);
