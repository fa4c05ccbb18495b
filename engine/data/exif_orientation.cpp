#include "engine/data/exif_orientation.h"

#include <cstring>

int exif_orientation(const uint8_t* app1_payload, size_t size) {
  // "Exif\0\0", then TIFF: byte order "II" (little) or "MM" (big), 42, offset of IFD0.
  if (!app1_payload || size < 6 + 8 || std::memcmp(app1_payload, "Exif\0\0", 6) != 0) return 1;
  const uint8_t* tiff = app1_payload + 6;
  const size_t tiff_size = size - 6;
  const bool little = tiff[0] == 'I' && tiff[1] == 'I';
  if (!little && !(tiff[0] == 'M' && tiff[1] == 'M')) return 1;
  auto u16 = [&](size_t at) {
    return little ? static_cast<uint32_t>(tiff[at] | tiff[at + 1] << 8)
                  : static_cast<uint32_t>(tiff[at] << 8 | tiff[at + 1]);
  };
  auto u32 = [&](size_t at) {
    return little ? (u16(at) | u16(at + 2) << 16) : (u16(at) << 16 | u16(at + 2));
  };
  if (u16(2) != 42) return 1;
  const uint32_t ifd = u32(4);
  if (ifd > tiff_size || tiff_size - ifd < 2) return 1;
  const uint32_t entries = u16(ifd);
  // Each entry: tag (2), type (2), count (4), value or offset (4).
  for (uint32_t i = 0; i < entries; ++i) {
    const uint64_t at = ifd + 2 + uint64_t{12} * i;
    if (at + 12 > tiff_size) return 1;
    const size_t entry = static_cast<size_t>(at);
    if (u16(entry) != 0x0112) continue;
    const uint32_t type = u16(entry + 2), count = u32(entry + 4);
    if (type != 3 || count != 1) return 1;  // must be one SHORT, held in the value field
    const uint32_t value = u16(entry + 8);
    return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
  }
  return 1;
}

Tensor apply_exif_orientation(const Tensor& image, int orientation) {
  if (orientation < 2 || orientation > 8) return image;
  const int channels = image.dim(1), height = image.dim(2), width = image.dim(3);
  const bool swaps = orientation >= 5;
  const int out_height = swaps ? width : height, out_width = swaps ? height : width;
  Tensor upright(Shape{1, channels, out_height, out_width});
  const float* in = image.data();
  float* out = upright.data();
  for (int c = 0; c < channels; ++c) {
    const float* plane = in + static_cast<size_t>(c) * height * width;
    float* out_plane = out + static_cast<size_t>(c) * out_height * out_width;
    for (int r = 0; r < out_height; ++r)
      for (int col = 0; col < out_width; ++col) {
        // The stored pixel (y, x) shown at row r, column col.
        int y = r, x = col;
        switch (orientation) {
          case 2: x = width - 1 - col; break;
          case 3: y = height - 1 - r; x = width - 1 - col; break;
          case 4: y = height - 1 - r; break;
          case 5: y = col; x = r; break;
          case 6: y = height - 1 - col; x = r; break;
          case 7: y = height - 1 - col; x = width - 1 - r; break;
          case 8: y = col; x = width - 1 - r; break;
          default: break;
        }
        out_plane[static_cast<size_t>(r) * out_width + col] = plane[static_cast<size_t>(y) * width + x];
      }
  }
  return upright;
}
