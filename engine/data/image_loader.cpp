#include "engine/data/image_loader.h"

#include <climits>
#include <cstdio>
#include <cstring>
#include <vector>

#include "engine/io/bytes.h"

// stb_image, compiled here only and with internal linkage (STB_IMAGE_STATIC),
// so another file including it cannot clash with these symbols.
// STBI_NO_STDIO: load_image_file reads the bytes itself, so every input takes
// the same checked path through load_image.
// TGA is off because it has no signature (random bytes can pass its header
// check); HDR, PSD and PIC are not needed for a playground.
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_NO_STDIO
#define STBI_NO_TGA
#define STBI_NO_HDR
#define STBI_NO_LINEAR
#define STBI_NO_PSD
#define STBI_NO_PIC
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wtype-limits"
#pragma GCC diagnostic ignored "-Wdouble-promotion"
#include <stb/stb_image.h>
#pragma GCC diagnostic pop

namespace {

constexpr size_t kMaxFileBytes = size_t{1} << 30;

ImageResult failure(std::string message) { return ImageResult{false, std::move(message), Tensor()}; }

bool starts_with(const uint8_t* data, size_t size, const char* prefix) {
  size_t n = std::strlen(prefix);
  return size >= n && std::memcmp(data, prefix, n) == 0;
}

// The format named by the file's signature, for messages; nullptr if none matches.
const char* format_name(const uint8_t* data, size_t size) {
  if (starts_with(data, size, "\x89PNG\r\n\x1a\n")) return "PNG";
  if (starts_with(data, size, "\xff\xd8\xff")) return "JPEG";
  if (starts_with(data, size, "GIF8")) return "GIF";
  if (starts_with(data, size, "BM")) return "BMP";
  if (starts_with(data, size, "P5") || starts_with(data, size, "P6")) return "PNM";
  return nullptr;
}

uint32_t big_endian_u32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) << 24 | static_cast<uint32_t>(p[1]) << 16 | static_cast<uint32_t>(p[2]) << 8 |
         static_cast<uint32_t>(p[3]);
}

// "16.8 megapixels" for the default limit; small limits (in tests) as plain pixels.
std::string pixel_limit(int pixels) {
  if (pixels < 100000) return std::to_string(pixels) + " pixels";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f megapixels", static_cast<double>(pixels) / 1e6);
  return text;
}

ImageResult too_large(uint64_t width, uint64_t height, int max_pixels) {
  return failure("image: " + std::to_string(width) + " x " + std::to_string(height) + " is too large (limit " +
                 pixel_limit(max_pixels) + ")");
}

// stbi_info tries every format in turn, so when it fails its reason is only
// "unknown image type". For a PNG the size sits at a fixed place (width and
// height as big-endian uint32 at bytes 16..23, in the IHDR chunk that must come
// first), so a header refused for its size can still be reported as such.
ImageResult header_rejected(const uint8_t* data, size_t size, int max_pixels) {
  const char* format = format_name(data, size);
  if (format && std::strcmp(format, "PNG") == 0 && size >= 24 && std::memcmp(data + 12, "IHDR", 4) == 0) {
    uint64_t width = big_endian_u32(data + 16), height = big_endian_u32(data + 20);
    if (width * height > static_cast<uint64_t>(max_pixels)) return too_large(width, height, max_pixels);
  }
  if (format) return failure(std::string("image: the ") + format + " header is corrupt or of an unsupported kind");
  const char* reason = stbi_failure_reason();
  return failure(std::string("image: not a PNG, JPEG, BMP, GIF or PNM image (stb_image: ") +
                 (reason ? reason : "no reason given") + ")");
}

}  // namespace

ImageResult load_image(const uint8_t* data, size_t size, int channels, int max_pixels) {
  if (channels != 1 && channels != 3 && channels != 4)
    return failure("image: channels must be 1, 3 or 4 (got " + std::to_string(channels) + ")");
  if (max_pixels < 1) return failure("image: max_pixels must be positive (got " + std::to_string(max_pixels) + ")");
  if (data == nullptr || size == 0) return failure("image: no data (the file is empty)");
  if (size > static_cast<size_t>(INT_MAX)) return failure("image: " + std::to_string(size) + " bytes is too large a file");
  const int length = static_cast<int>(size);

  int width = 0, height = 0, file_channels = 0;
  if (!stbi_info_from_memory(data, length, &width, &height, &file_channels))
    return header_rejected(data, size, max_pixels);
  if (width < 1 || height < 1) return failure("image: the header gives an empty image");
  if (static_cast<int64_t>(width) * height > max_pixels)
    return too_large(static_cast<uint64_t>(width), static_cast<uint64_t>(height), max_pixels);

  int decoded_width = 0, decoded_height = 0;
  stbi_uc* pixels = stbi_load_from_memory(data, length, &decoded_width, &decoded_height, &file_channels, channels);
  if (!pixels) {
    const char* format = format_name(data, size);
    const char* reason = stbi_failure_reason();
    return failure(std::string("image: cannot decode the ") + (format ? format : "image") +
                   " data; it is corrupt or truncated (stb_image: " + (reason ? reason : "no reason given") + ")");
  }
  if (decoded_width != width || decoded_height != height) {
    stbi_image_free(pixels);
    return failure("image: the header says " + std::to_string(width) + " x " + std::to_string(height) +
                   " but the data decodes to " + std::to_string(decoded_width) + " x " + std::to_string(decoded_height));
  }

  // stb_image gives rows of interleaved pixels (HWC); the engine wants planes (CHW).
  ImageResult result{true, "", Tensor(Shape{1, channels, height, width})};
  float* planes = result.image.data();
  const size_t plane = static_cast<size_t>(width) * height;
  for (size_t p = 0; p < plane; ++p)
    for (int c = 0; c < channels; ++c)
      planes[c * plane + p] = static_cast<float>(pixels[p * channels + c]) / 255.0f;
  stbi_image_free(pixels);
  return result;
}

ImageResult load_image_file(const std::string& path, int channels, int max_pixels) {
  std::vector<uint8_t> bytes;
  std::string error;
  if (!read_whole_file(path, kMaxFileBytes, bytes, error)) return failure("image: " + error);
  return load_image(bytes.data(), bytes.size(), channels, max_pixels);
}
