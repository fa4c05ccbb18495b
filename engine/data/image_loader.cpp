#include "engine/data/image_loader.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstring>
#include <vector>

#include "engine/data/exif_orientation.h"
#include "engine/data/image_structure.h"
#include "engine/io/bytes.h"

// stb_image, compiled here only and with internal linkage (STB_IMAGE_STATIC),
// so another file including it cannot clash with these symbols.
// STBI_NO_STDIO: load_image_file reads the bytes itself, so every input takes
// the same checked path through load_image.
// TGA is off because it has no signature (random bytes can pass its header
// check); HDR, PSD and PIC are not needed for a playground.
// Every allocation goes through the decode budget (decode_budget.h).
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_NO_STDIO
#define STBI_NO_TGA
#define STBI_NO_HDR
#define STBI_NO_LINEAR
#define STBI_NO_PSD
#define STBI_NO_PIC
#define STBI_MALLOC(size) decode_budget_malloc(size)
#define STBI_REALLOC_SIZED(block, old_size, new_size) decode_budget_realloc(block, new_size)
#define STBI_FREE(block) decode_budget_free(block)
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
// Headers, Huffman and LZW tables, stb's decoder structs (the GIF one is
// about 35 KB): what any decode may hold besides its pixel buffers.
constexpr uint64_t kFixedSlackBytes = uint64_t{1} << 20;
// stb holds a few full-size buffers at once (PNG: filtered rows, the image,
// a channel conversion; progressive JPEG: 16-bit coefficients, planes,
// output). Measured peaks (hostile_images_test.cpp) are 1.4x to 3.3x the
// RGBA pixel bytes; 8x leaves room for formats and layouts not measured.
constexpr uint64_t kPixelBufferFactor = 8;

thread_local DecodeMemoryStats last_decode_memory;

ImageResult failure(std::string message) { return ImageResult{false, std::move(message), Tensor(), ""}; }

bool starts_with(const uint8_t* data, size_t size, const char* prefix) {
  size_t n = std::strlen(prefix);
  return size >= n && std::memcmp(data, prefix, n) == 0;
}

// The format named by the file's signature, for messages; nullptr if none matches.
const char* format_name(const uint8_t* data, size_t size) {
  if (starts_with(data, size, "\x89PNG\r\n\x1a\n")) return "PNG";
  if (starts_as_jpeg(data, size)) return "JPEG";
  if (starts_with(data, size, "GIF8")) return "GIF";
  if (starts_with(data, size, "BM")) return "BMP";
  if (starts_with(data, size, "P5") || starts_with(data, size, "P6")) return "PNM";
  return nullptr;
}

bool is(const char* format, const char* name) { return format && std::strcmp(format, name) == 0; }

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

std::string mebibytes(uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
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
  if (is(format, "PNG") && size >= 24 && std::memcmp(data + 12, "IHDR", 4) == 0) {
    uint64_t width = big_endian_u32(data + 16), height = big_endian_u32(data + 20);
    if (width * height > static_cast<uint64_t>(max_pixels)) return too_large(width, height, max_pixels);
  }
  if (format) return failure(std::string("image: the ") + format + " header is corrupt or of an unsupported kind");
  const char* reason = stbi_failure_reason();
  return failure(std::string("image: not a PNG, JPEG, BMP, GIF or PNM image (stb_image: ") +
                 (reason ? reason : "no reason given") + ")");
}

// Refusals a JPEG's marker structure alone justifies; "" if it may be decoded.
std::string jpeg_refusal(const JpegStructure& jpeg) {
  if (jpeg.undefined_huffman_table)
    return "image: a JPEG scan uses a Huffman table the file has not defined (a corrupt file)";
  if (jpeg.scans > kMaxJpegScans)
    return "image: the JPEG has " + std::to_string(jpeg.scans) + " scans (limit " + std::to_string(kMaxJpegScans) +
           "); each is a pass over the whole image";
  if (!jpeg.reached_end) return "image: the JPEG file ends early (it is truncated)";
  if (jpeg.components == 4 && !jpeg.adobe_marker)
    return "image: a 4-channel (CMYK) JPEG without an Adobe marker is not supported; save it as RGB";
  return "";
}

// The bytes stb may hold: a multiple of the pixel bytes of the declared size
// (rounded up to whole 16 x 16 JPEG blocks, as stb pads planes) plus the
// compressed data it may copy and a fixed slack.
uint64_t decode_budget(int width, int height, int channels, int bytes_per_channel, size_t file_size) {
  const uint64_t padded_width = (static_cast<uint64_t>(width) + 15) / 16 * 16;
  const uint64_t padded_height = (static_cast<uint64_t>(height) + 15) / 16 * 16;
  const uint64_t pixel_bytes = padded_width * padded_height * static_cast<uint64_t>(channels * bytes_per_channel);
  return kPixelBufferFactor * pixel_bytes + file_size + kFixedSlackBytes;
}

// Interleaved bytes (HWC) with `stored` channels to planes (CHW) with
// `channels`; a stored alpha beyond `channels` is composited onto white.
Tensor to_planes(const stbi_uc* pixels, int width, int height, int stored, int channels) {
  Tensor image(Shape{1, channels, height, width});
  float* planes = image.data();
  const size_t plane = static_cast<size_t>(width) * height;
  const bool composite = stored > channels;
  for (size_t p = 0; p < plane; ++p) {
    const stbi_uc* pixel = pixels + p * stored;
    const int alpha = composite ? pixel[stored - 1] : 255;
    for (int c = 0; c < channels; ++c) {
      const float value = static_cast<float>(pixel[c]) / 255.0f;
      if (alpha == 255) {
        planes[c * plane + p] = value;
      } else {
        const float a = static_cast<float>(alpha) / 255.0f;
        planes[c * plane + p] = value * a + (1.0f - a);
      }
    }
  }
  return image;
}

}  // namespace

ImageResult load_image(const uint8_t* data, size_t size, int channels, int max_pixels) {
  last_decode_memory = DecodeMemoryStats{};
  if (channels != 1 && channels != 3 && channels != 4)
    return failure("image: channels must be 1, 3 or 4 (got " + std::to_string(channels) + ")");
  if (max_pixels < 1) return failure("image: max_pixels must be positive (got " + std::to_string(max_pixels) + ")");
  if (data == nullptr || size == 0) return failure("image: no data (the file is empty)");
  if (size > static_cast<size_t>(INT_MAX)) return failure("image: " + std::to_string(size) + " bytes is too large a file");
  const int length = static_cast<int>(size);
  const char* format = format_name(data, size);

  JpegStructure jpeg;
  if (is(format, "JPEG")) jpeg = read_jpeg_structure(data, size);
  // Before stb reads the header (stb_info already builds the Huffman tables
  // that come before the frame header).
  if (jpeg.oversized_huffman_table)
    return failure("image: the JPEG declares a Huffman table of more than 256 codes (a corrupt file)");
  // Before stb reads the header: its PNM number parser overflows an int.
  if (is(format, "PNM") && !pnm_header_numbers_fit(data, size))
    return failure("image: the PNM header gives a number over " + std::to_string(kMaxPnmHeaderNumber) +
                   " (a corrupt file)");

  int width = 0, height = 0, file_channels = 0, bytes_per_channel = 1;
  {
    DecodeBudgetScope header_budget(kFixedSlackBytes);
    if (!stbi_info_from_memory(data, length, &width, &height, &file_channels))
      return header_rejected(data, size, max_pixels);
    if (stbi_is_16_bit_from_memory(data, length)) bytes_per_channel = 2;
  }
  if (width < 1 || height < 1) return failure("image: the header gives an empty image");
  if (static_cast<int64_t>(width) * height > max_pixels)
    return too_large(static_cast<uint64_t>(width), static_cast<uint64_t>(height), max_pixels);
  // stb_image 2.27 reads a 16-bit PNM wrongly: it keeps each sample's low
  // byte (PNM is big-endian), and its channel conversion treats the samples
  // as bytes and reads past its buffer (a heap overflow found by
  // tests/fuzz/fuzz_image_loader). Refused rather than decoded wrongly.
  if (is(format, "PNM") && bytes_per_channel == 2)
    return failure("image: 16-bit PGM / PPM images are not supported; save it with 8 bits per sample, or as PNG");
  if (is(format, "JPEG")) {
    std::string refusal = jpeg_refusal(jpeg);
    if (!refusal.empty()) return failure(refusal);
  }

  // Ask stb for an alpha channel too, so transparency can be composited
  // rather than dropped; an image without alpha gets 255 there.
  const int stored = channels == 4 ? 4 : channels + 1;
  const uint64_t budget =
      decode_budget(width, height, std::max({file_channels, stored}), bytes_per_channel, size);
  int decoded_width = 0, decoded_height = 0;
  stbi_uc* pixels = nullptr;
  {
    DecodeBudgetScope decode(budget);
    pixels = stbi_load_from_memory(data, length, &decoded_width, &decoded_height, &file_channels, stored);
    last_decode_memory = decode.stats();
  }
  if (!pixels) {
    if (last_decode_memory.refused)
      return failure(std::string("image: decoding the ") + (format ? format : "image") + " would need more than " +
                     mebibytes(budget) + ", far more than its " + std::to_string(width) + " x " +
                     std::to_string(height) + " pixels can (a corrupt file or a decompression bomb)");
    const char* reason = stbi_failure_reason();
    return failure(std::string("image: cannot decode the ") + (format ? format : "image") +
                   " data; it is corrupt or truncated (stb_image: " + (reason ? reason : "no reason given") + ")");
  }
  if (decoded_width != width || decoded_height != height) {
    decode_budget_free(pixels);
    return failure("image: the header says " + std::to_string(width) + " x " + std::to_string(height) +
                   " but the data decodes to " + std::to_string(decoded_width) + " x " + std::to_string(decoded_height));
  }

  // stb_image gives rows of interleaved pixels (HWC); the engine wants planes (CHW).
  ImageResult result{true, "", to_planes(pixels, width, height, stored, channels), ""};
  decode_budget_free(pixels);
  if (jpeg.exif) result.image = apply_exif_orientation(result.image, exif_orientation(jpeg.exif, jpeg.exif_size));
  if (is(format, "GIF")) {
    const int frames = count_gif_frames(data, size);
    if (frames > 1)
      result.note = "image: the GIF is animated (" + std::to_string(frames) + " frames); only the first frame is used";
  }
  return result;
}

ImageResult load_image_file(const std::string& path, int channels, int max_pixels) {
  std::vector<uint8_t> bytes;
  std::string error;
  if (!read_whole_file(path, kMaxFileBytes, bytes, error)) return failure("image: " + error);
  return load_image(bytes.data(), bytes.size(), channels, max_pixels);
}

DecodeMemoryStats last_image_decode_memory() { return last_decode_memory; }
