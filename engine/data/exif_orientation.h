// JPEG EXIF orientation (phone photos): the camera stores the sensor's
// pixels and records, in tag 0x0112 of the EXIF IFD0, how to turn them
// upright. Values (EXIF 2.3, "Orientation"): 1 as stored, 2 mirrored left to
// right, 3 rotated 180, 4 mirrored top to bottom, 5 transposed, 6 needs a
// 90 degree clockwise turn, 7 transverse, 8 needs a 90 degree anticlockwise turn.
#pragma once

#include <cstddef>
#include <cstdint>

#include "engine/tensor.h"

// The orientation in an APP1 payload ("Exif\0\0" then a TIFF structure);
// 1 when the tag is absent, out of range or the structure is malformed.
int exif_orientation(const uint8_t* app1_payload, size_t size);

// `image` [1, C, H, W] as stored, turned upright: [1, C, W, H] for 5..8.
Tensor apply_exif_orientation(const Tensor& image, int orientation);
