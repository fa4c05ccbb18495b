#include "demos/style_transfer/procedural_styles.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/random.h"

namespace {

struct Rgb {
  float r, g, b;
};

// Smooth random values on a square lattice of `cells` x `cells`, read with
// quintic interpolation (Perlin 2002) so the field's derivatives are smooth too.
class ValueNoise {
 public:
  ValueNoise(int cells, Pcg32& rng) : cells_(cells), values_(static_cast<size_t>(cells + 1) * (cells + 1)) {
    for (float& v : values_) v = rng.uniform();
  }
  // u, v in [0, 1]; result in [0, 1].
  float at(float u, float v) const {
    const float x = std::clamp(u, 0.0f, 1.0f) * static_cast<float>(cells_);
    const float y = std::clamp(v, 0.0f, 1.0f) * static_cast<float>(cells_);
    const int x0 = std::min(static_cast<int>(x), cells_ - 1), y0 = std::min(static_cast<int>(y), cells_ - 1);
    const float tx = fade(x - static_cast<float>(x0)), ty = fade(y - static_cast<float>(y0));
    const float top = lerp(value(x0, y0), value(x0 + 1, y0), tx);
    const float bottom = lerp(value(x0, y0 + 1), value(x0 + 1, y0 + 1), tx);
    return lerp(top, bottom, ty);
  }

 private:
  static float fade(float t) { return t * t * t * (t * (t * 6.0f - 15.0f) + 10.0f); }
  static float lerp(float a, float b, float t) { return a + (b - a) * t; }
  float value(int x, int y) const { return values_[static_cast<size_t>(y) * (cells_ + 1) + x]; }
  int cells_;
  std::vector<float> values_;
};

class Canvas {
 public:
  Canvas(int size, Rgb fill) : size_(size), image_(Shape{1, 3, size, size}) {
    float* p = image_.data();
    const size_t plane = static_cast<size_t>(size) * size;
    std::fill(p, p + plane, fill.r);
    std::fill(p + plane, p + 2 * plane, fill.g);
    std::fill(p + 2 * plane, p + 3 * plane, fill.b);
  }
  // Blends `colour` over pixel (x, y) with weight `alpha` in [0, 1].
  void blend(int x, int y, Rgb colour, float alpha) {
    if (x < 0 || y < 0 || x >= size_ || y >= size_) return;
    const size_t plane = static_cast<size_t>(size_) * size_, at = static_cast<size_t>(y) * size_ + x;
    float* p = image_.data();
    p[at] += (colour.r - p[at]) * alpha;
    p[plane + at] += (colour.g - p[plane + at]) * alpha;
    p[2 * plane + at] += (colour.b - p[2 * plane + at]) * alpha;
  }
  void set(int x, int y, Rgb colour) { blend(x, y, colour, 1.0f); }
  Tensor take() { return image_; }

 private:
  int size_;
  Tensor image_;
};

Rgb scaled(Rgb c, float k) {
  return {std::clamp(c.r * k, 0.0f, 1.0f), std::clamp(c.g * k, 0.0f, 1.0f), std::clamp(c.b * k, 0.0f, 1.0f)};
}

// ---- Swirl: strokes along the curl of a noise field ------------------------

Tensor paint_swirl(int size, Pcg32& rng) {
  const Rgb night = {0.05f, 0.09f, 0.26f};
  const Rgb blues[] = {{0.08f, 0.15f, 0.42f}, {0.13f, 0.25f, 0.58f}, {0.24f, 0.42f, 0.76f},
                       {0.50f, 0.66f, 0.88f}, {0.80f, 0.86f, 0.86f}};
  const Rgb yellows[] = {{0.96f, 0.82f, 0.26f}, {0.84f, 0.62f, 0.16f}, {0.98f, 0.93f, 0.62f}};
  const ValueNoise coarse(3, rng), fine(7, rng), glow(4, rng);
  // The stream function psi; the flow (d psi / dy, -d psi / dx) circles its
  // hills and valleys and never converges, like the sky's eddies.
  const size_t pixels = static_cast<size_t>(size) * size;
  std::vector<float> psi(pixels);
  const float inv = 1.0f / static_cast<float>(size - 1);
  for (int y = 0; y < size; ++y)
    for (int x = 0; x < size; ++x) {
      const float u = static_cast<float>(x) * inv, v = static_cast<float>(y) * inv;
      psi[static_cast<size_t>(y) * size + x] = coarse.at(u, v) + 0.35f * fine.at(u, v);
    }
  auto flow = [&](float fx, float fy, float& dx, float& dy) {
    const int x = std::clamp(static_cast<int>(fx), 1, size - 2), y = std::clamp(static_cast<int>(fy), 1, size - 2);
    const size_t at = static_cast<size_t>(y) * size + x;
    dx = psi[at + size] - psi[at - size];
    dy = psi[at - 1] - psi[at + 1];
    const float length = std::sqrt(dx * dx + dy * dy);
    if (length > 0.0f) {
      dx /= length;
      dy /= length;
    }
  };

  Canvas canvas(size, night);
  const float unit = static_cast<float>(size) / 256.0f;  // strokes scale with the canvas
  const int strokes = size * size / 18;
  for (int s = 0; s < strokes; ++s) {
    float x = rng.uniform() * static_cast<float>(size), y = rng.uniform() * static_cast<float>(size);
    const bool lit = glow.at(x * inv, y * inv) > 0.68f && rng.uniform() < 0.85f;
    const Rgb base = lit ? yellows[rng.below(3)] : blues[rng.below(5)];
    const Rgb colour = scaled(base, rng.uniform(0.88f, 1.1f));
    const float radius = unit * rng.uniform(1.4f, 3.2f);
    const int steps = 6 + static_cast<int>(rng.below(14));
    const float direction = rng.uniform() < 0.5f ? -1.0f : 1.0f;
    for (int step = 0; step < steps; ++step) {
      // A round dab, densest at the centre line, so strokes show their ridges.
      const int r = static_cast<int>(radius) + 1;
      for (int oy = -r; oy <= r; ++oy)
        for (int ox = -r; ox <= r; ++ox) {
          const float d2 = (static_cast<float>(ox * ox + oy * oy)) / (radius * radius);
          if (d2 >= 1.0f) continue;
          canvas.blend(static_cast<int>(x) + ox, static_cast<int>(y) + oy, scaled(colour, 0.9f + 0.15f * (1.0f - d2)),
                       0.75f * (1.0f - d2 * d2));
        }
      float dx = 0, dy = 0;
      flow(x, y, dx, dy);
      x += direction * dx * 1.3f * unit;
      y += direction * dy * 1.3f * unit;
    }
  }
  return canvas.take();
}

// ---- Stained glass: a Voronoi mosaic with lead lines ------------------------

Tensor paint_stained_glass(int size, Pcg32& rng) {
  const Rgb jewels[] = {{0.68f, 0.07f, 0.12f}, {0.10f, 0.22f, 0.66f}, {0.05f, 0.50f, 0.26f}, {0.92f, 0.60f, 0.10f},
                        {0.42f, 0.15f, 0.56f}, {0.08f, 0.58f, 0.64f}, {0.95f, 0.82f, 0.34f}, {0.86f, 0.84f, 0.72f}};
  const Rgb lead = {0.05f, 0.05f, 0.06f};
  // Cell centres on a jittered 7 x 7 grid: even-sized panes, none degenerate.
  const int grid = 7;
  const float cell = static_cast<float>(size) / static_cast<float>(grid);
  struct Pane {
    float x, y;
    Rgb colour;
  };
  std::vector<Pane> panes;
  for (int gy = 0; gy < grid; ++gy)
    for (int gx = 0; gx < grid; ++gx) {
      const float x = (static_cast<float>(gx) + rng.uniform(0.15f, 0.85f)) * cell;
      const float y = (static_cast<float>(gy) + rng.uniform(0.15f, 0.85f)) * cell;
      panes.push_back({x, y, jewels[rng.below(8)]});
    }
  const ValueNoise texture(std::max(4, size / 10), rng);
  const float lead_half_width = static_cast<float>(size) / 220.0f + 0.6f;
  Canvas canvas(size, lead);
  const float inv = 1.0f / static_cast<float>(size - 1);
  for (int py = 0; py < size; ++py)
    for (int px = 0; px < size; ++px) {
      const float x = static_cast<float>(px) + 0.5f, y = static_cast<float>(py) + 0.5f;
      size_t nearest = 0, second = 1;
      float d1 = 1e30f, d2 = 1e30f;
      for (size_t i = 0; i < panes.size(); ++i) {
        const float dx = x - panes[i].x, dy = y - panes[i].y, d = dx * dx + dy * dy;
        if (d < d1) {
          d2 = d1;
          second = nearest;
          d1 = d;
          nearest = i;
        } else if (d < d2) {
          d2 = d;
          second = i;
        }
      }
      // Distance to the border between the two nearest panes (their bisector).
      const float sx = panes[second].x - panes[nearest].x, sy = panes[second].y - panes[nearest].y;
      const float border = (d2 - d1) / (2.0f * std::sqrt(sx * sx + sy * sy));
      const float glass = std::clamp(border - lead_half_width, 0.0f, 1.0f);  // 1 px soft edge
      const float centre = std::clamp(1.0f - std::sqrt(d1) / (0.75f * cell), 0.0f, 1.0f);
      const float shade = 0.72f + 0.38f * centre + 0.16f * (texture.at(static_cast<float>(px) * inv,
                                                                       static_cast<float>(py) * inv) - 0.5f);
      canvas.blend(px, py, scaled(panes[nearest].colour, shade), glass);
    }
  return canvas.take();
}

}  // namespace

Tensor make_procedural_style(ProceduralStyle kind, int size, uint64_t seed) {
  size = std::clamp(size, kMinProceduralSize, kMaxProceduralSize);
  Pcg32 rng(seed, kind == ProceduralStyle::Swirl ? 0x5317u : 0x61a55u);
  return kind == ProceduralStyle::Swirl ? paint_swirl(size, rng) : paint_stained_glass(size, rng);
}
