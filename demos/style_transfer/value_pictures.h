// Numbers as pictures: a feature map or a Gram matrix drawn with a
// sequential colour scale (dark blue -> teal -> yellow), so that larger
// values are brighter, as in the Gram-matrix figures of style-transfer papers.
#pragma once

#include <vector>

#include "demos/rgb_image.h"

// values [height, width]; lo..hi maps to the ends of the scale (clamped).
void set_value_picture(RgbImage& picture, const std::vector<float>& values, int width, int height, float lo,
                       float hi);
// The largest value (0 for none): a shared upper end for pictures compared side by side.
float largest_value(const std::vector<float>& values);
