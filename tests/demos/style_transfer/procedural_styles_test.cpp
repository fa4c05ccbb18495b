// tests/demos/style_transfer/procedural_styles_test.cpp: the painted styles
// are deterministic per seed, in range, not flat, and look like themselves
// (a limited blue/yellow palette; panes separated by dark lead).
#include "demos/style_transfer/procedural_styles.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

namespace {

double stddev(const std::vector<float>& values) {
  double mean = 0, square = 0;
  for (float v : values) mean += v;
  mean /= static_cast<double>(values.size());
  for (float v : values) square += (v - mean) * (v - mean);
  return std::sqrt(square / static_cast<double>(values.size()));
}

}  // namespace

TEST_CASE("each procedural style is the same for the same seed, different for another, in [0, 1] and not flat") {
  for (ProceduralStyle kind : {ProceduralStyle::Swirl, ProceduralStyle::StainedGlass}) {
    for (uint64_t seed = 1; seed <= 4; ++seed) {
      CAPTURE(seed);
      Tensor a = make_procedural_style(kind, 96, seed);
      REQUIRE(a.shape() == Shape{1, 3, 96, 96});
      CHECK(a.to_vector() == make_procedural_style(kind, 96, seed).to_vector());
      CHECK(a.to_vector() != make_procedural_style(kind, 96, seed + 100).to_vector());
      int out_of_range = 0;
      for (float v : a.to_vector()) out_of_range += (v < 0.0f || v > 1.0f || std::isnan(v)) ? 1 : 0;
      CHECK(out_of_range == 0);
      CHECK(stddev(a.to_vector()) > 0.08);
    }
  }
}

TEST_CASE("swirls are mostly blue with some yellow strokes, across seeds") {
  for (uint64_t seed = 1; seed <= 4; ++seed) {
    Tensor swirl = make_procedural_style(ProceduralStyle::Swirl, 128, seed);
    const int plane = 128 * 128;
    int blue = 0, yellow = 0;
    for (int p = 0; p < plane; ++p) {
      const float r = swirl[p], g = swirl[plane + p], b = swirl[2 * plane + p];
      if (b > r + 0.1f) ++blue;
      if (r > b + 0.3f && g > b + 0.2f) ++yellow;
    }
    CAPTURE(seed);
    CHECK(blue > plane / 2);
    CHECK(yellow > plane / 100);
  }
}

TEST_CASE("stained glass has dark lead lines between bright panes, across seeds") {
  for (uint64_t seed = 1; seed <= 4; ++seed) {
    Tensor glass = make_procedural_style(ProceduralStyle::StainedGlass, 128, seed);
    const int plane = 128 * 128;
    int lead = 0;
    for (int p = 0; p < plane; ++p)
      if (glass[p] < 0.08f && glass[plane + p] < 0.08f && glass[2 * plane + p] < 0.08f) ++lead;
    CAPTURE(seed);
    CHECK(lead > plane / 30);  // 49 panes' borders
    CHECK(lead < plane / 4);
  }
}

TEST_CASE("procedural sizes are clamped to the supported range") {
  CHECK(make_procedural_style(ProceduralStyle::Swirl, 3, 1).shape() == Shape{1, 3, 16, 16});
  CHECK(make_procedural_style(ProceduralStyle::StainedGlass, -5, 1).shape() == Shape{1, 3, 16, 16});
}
