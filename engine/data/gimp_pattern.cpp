#include "engine/data/gimp_pattern.h"

#include <cstring>
#include <vector>

#include "engine/io/bytes.h"

namespace {

constexpr size_t kFixedHeaderBytes = 24;
constexpr uint32_t kMaxHeaderBytes = 1 << 16;  // a name of up to 64 KB is plenty
constexpr size_t kMaxFileBytes = size_t{1} << 28;

GimpPatternResult failure(const std::string& message) {
  return GimpPatternResult{false, "gimp pattern: " + message, Tensor(), ""};
}

uint32_t be32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) << 24 | static_cast<uint32_t>(p[1]) << 16 | static_cast<uint32_t>(p[2]) << 8 |
         static_cast<uint32_t>(p[3]);
}

// One stored pixel (1..4 bytes) as grey, RGB or RGBA floats, alpha composited onto white if dropped.
void convert_pixel(const uint8_t* pixel, int stored, int channels, float* out) {
  const bool has_alpha = stored == 2 || stored == 4;
  int rgb[3];
  if (stored <= 2) rgb[0] = rgb[1] = rgb[2] = pixel[0];
  else for (int c = 0; c < 3; ++c) rgb[c] = pixel[c];
  const int alpha = has_alpha ? pixel[stored - 1] : 255;
  const int grey = stored <= 2 ? pixel[0] : (rgb[0] * 77 + rgb[1] * 150 + rgb[2] * 29) >> 8;
  const float a = static_cast<float>(alpha) / 255.0f;
  auto shown = [&](int value) {
    const float v = static_cast<float>(value) / 255.0f;
    return alpha == 255 ? v : v * a + (1.0f - a);
  };
  if (channels == 1) {
    out[0] = shown(grey);
  } else if (channels == 3) {
    for (int c = 0; c < 3; ++c) out[c] = shown(rgb[c]);
  } else {
    for (int c = 0; c < 3; ++c) out[c] = static_cast<float>(rgb[c]) / 255.0f;
    out[3] = a;
  }
}

}  // namespace

GimpPatternResult load_gimp_pattern(const uint8_t* data, size_t size, int channels, int max_pixels) {
  if (channels != 1 && channels != 3 && channels != 4)
    return failure("channels must be 1, 3 or 4 (got " + std::to_string(channels) + ")");
  if (!data || size < kFixedHeaderBytes)
    return failure(std::to_string(data ? size : 0) + " bytes is too short for the 24-byte header");
  const uint32_t header_size = be32(data), version = be32(data + 4), width = be32(data + 8),
                 height = be32(data + 12), bytes = be32(data + 16);
  if (std::memcmp(data + 20, "GPAT", 4) != 0) return failure("no \"GPAT\" magic at byte 20 (not a GIMP pattern)");
  if (version != 1) return failure("version " + std::to_string(version) + " is not supported (only 1)");
  if (header_size <= kFixedHeaderBytes || header_size > kMaxHeaderBytes)
    return failure("header size " + std::to_string(header_size) + " must be 25.." + std::to_string(kMaxHeaderBytes) +
                   " (24 bytes and a NUL-terminated name)");
  if (header_size > size)
    return failure("header size " + std::to_string(header_size) + " is past the end of the " + std::to_string(size) +
                   "-byte file");
  const char* name = reinterpret_cast<const char*>(data + kFixedHeaderBytes);
  const size_t name_room = header_size - kFixedHeaderBytes;
  const void* nul = std::memchr(name, 0, name_room);
  if (!nul) return failure("the name is not NUL-terminated within the header");
  if (bytes < 1 || bytes > 4) return failure(std::to_string(bytes) + " bytes per pixel (must be 1 to 4)");
  if (width < 1 || height < 1) return failure("empty pattern (" + std::to_string(width) + " x " +
                                              std::to_string(height) + ")");
  const uint64_t pixels = uint64_t{width} * height;
  if (pixels > static_cast<uint64_t>(max_pixels))
    return failure(std::to_string(width) + " x " + std::to_string(height) + " is too large (limit " +
                   std::to_string(max_pixels) + " pixels)");
  const uint64_t pixel_bytes = pixels * bytes;
  if (pixel_bytes > size - header_size)
    return failure("the file ends early: " + std::to_string(width) + " x " + std::to_string(height) + " x " +
                   std::to_string(bytes) + " pixel bytes need " + std::to_string(pixel_bytes) + ", " +
                   std::to_string(size - header_size) + " follow the header");

  GimpPatternResult result{true, "", Tensor(Shape{1, channels, static_cast<int>(height), static_cast<int>(width)}),
                           std::string(name, static_cast<const char*>(nul))};
  float* planes = result.image.data();
  const size_t plane = static_cast<size_t>(pixels);
  const uint8_t* in = data + header_size;
  float value[4];
  for (size_t p = 0; p < plane; ++p) {
    convert_pixel(in + p * bytes, static_cast<int>(bytes), channels, value);
    for (int c = 0; c < channels; ++c) planes[c * plane + p] = value[c];
  }
  return result;
}

GimpPatternResult load_gimp_pattern_file(const std::string& path, int channels, int max_pixels) {
  std::vector<uint8_t> bytes;
  std::string error;
  if (!read_whole_file(path, kMaxFileBytes, bytes, error)) return failure(error);
  return load_gimp_pattern(bytes.data(), bytes.size(), channels, max_pixels);
}
