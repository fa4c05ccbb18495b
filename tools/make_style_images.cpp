// Writes the style-transfer demo's built-in images as site assets: for each
// entry of the image catalogue (demos/style_transfer/image_catalog.cpp) with
// a source file, reads it from third_party/ (unpacked from Debian packages by
// tools/setup.sh), brings it to the shipped size and writes <out>/<id>.png:
//   - photographs and style images: trimmed if the catalogue says so (the
//     frame around The Starry Night), then shrunk (area averaging) to at most
//     kStyleAssetMaxSide = 384 pixels on the long side;
//   - GIMP patterns (.pat), seamless tiles of 64 to 137 pixels: repeated to
//     kPatternTileSide = 256 square, so a style image holds several periods.
// Built in both CMake trees; the web tree runs it under node (-sNODERAWFS).
//   make_style_images --third-party DIR --out DIR [--procedural DIR]
// --procedural also writes the procedural styles (256 px, seed 1) to look at.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "demos/style_transfer/image_catalog.h"
#include "engine/data/gimp_pattern.h"
#include "engine/data/image_loader.h"
#include "engine/data/image_resize.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#include <stb/stb_image_write.h>
#pragma GCC diagnostic pop

namespace {

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "make_style_images: %s\n", message.c_str());
  std::exit(1);
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A pattern tile [1, 3, h, w] repeated to side x side.
Tensor tile(const Tensor& pattern, int side) {
  const int height = pattern.dim(2), width = pattern.dim(3);
  Tensor tiled(Shape{1, 3, side, side});
  for (int c = 0; c < 3; ++c)
    for (int y = 0; y < side; ++y)
      for (int x = 0; x < side; ++x)
        tiled[(c * side + y) * side + x] = pattern[(c * height + y % height) * width + x % width];
  return tiled;
}

// `image` without `border` pixels on each edge (the frame around a painting).
Tensor trim(const Tensor& image, int border) {
  const int height = image.dim(2), width = image.dim(3);
  if (2 * border >= height || 2 * border >= width) fail("cannot trim " + std::to_string(border) + " pixels");
  const int out_height = height - 2 * border, out_width = width - 2 * border;
  Tensor trimmed(Shape{1, 3, out_height, out_width});
  for (int c = 0; c < 3; ++c)
    for (int y = 0; y < out_height; ++y)
      for (int x = 0; x < out_width; ++x)
        trimmed[(c * out_height + y) * out_width + x] = image[(c * height + y + border) * width + x + border];
  return trimmed;
}

void write_png(const Tensor& image, const std::string& path) {
  const int height = image.dim(2), width = image.dim(3);
  const size_t plane = static_cast<size_t>(height) * width;
  std::vector<uint8_t> pixels(plane * 3);
  for (size_t p = 0; p < plane; ++p)
    for (int c = 0; c < 3; ++c) {
      const float v = std::fmin(1.0f, std::fmax(0.0f, image[static_cast<int>(c * plane + p)]));
      pixels[p * 3 + c] = static_cast<uint8_t>(std::lround(v * 255.0f));
    }
  if (!stbi_write_png(path.c_str(), width, height, 3, pixels.data(), width * 3)) fail("cannot write '" + path + "'");
}

Tensor read_source(const std::string& path) {
  if (ends_with(path, ".pat")) {
    GimpPatternResult pattern = load_gimp_pattern_file(path, 3);
    if (!pattern.ok) fail(path + ": " + pattern.error);
    if (pattern.image.dim(2) >= kPatternTileSide && pattern.image.dim(3) >= kPatternTileSide) return pattern.image;
    return tile(pattern.image, kPatternTileSide);
  }
  ImageResult image = load_image_file(path, 3);
  if (!image.ok) fail(path + ": " + image.error + " (is third_party/ set up? run tools/setup.sh)");
  return image.image;
}

}  // namespace

int main(int argc, char** argv) {
  std::string third_party, out, procedural;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) fail("missing value after " + arg);
    if (arg == "--third-party") third_party = argv[++i];
    else if (arg == "--out") out = argv[++i];
    else if (arg == "--procedural") procedural = argv[++i];
    else fail("unknown argument '" + arg + "'");
  }
  if (third_party.empty() || out.empty()) fail("usage: make_style_images --third-party DIR --out DIR [--procedural DIR]");
  int written = 0;
  for (const CatalogImage& entry : image_catalog()) {
    if (entry.procedural) {
      if (!procedural.empty()) write_png(paint_catalog_image(entry, 256, 1), procedural + "/" + entry.id + ".png");
      continue;
    }
    Tensor source = read_source(third_party + "/" + entry.source_file);
    if (entry.trim > 0) source = trim(source, entry.trim);
    write_png(resize_to_fit(source, kStyleAssetMaxSide), out + "/" + entry.id + ".png");
    ++written;
  }
  std::printf("make_style_images: wrote %d images to %s\n", written, out.c_str());
  return 0;
}
