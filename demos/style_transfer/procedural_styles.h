// Style images our code paints from a seed, so the demo has painterly styles
// beyond the photographs (docs/style-images.md):
// - Swirl: short brush strokes that follow a smooth, divergence-free flow
//   field (the curl of value noise), in a limited palette of blues with
//   patches of yellow, after the swirling skies of van Gogh.
// - StainedGlass: a Voronoi mosaic of jewel-coloured cells, lighter at their
//   centres, with dark lead lines along the cell borders.
// Only integer-seeded randomness (Pcg32) and + - * / sqrt are used, so a seed
// gives the same pixels natively and in wasm.
#pragma once

#include <cstdint>

#include "engine/tensor.h"

enum class ProceduralStyle { Swirl, StainedGlass };

constexpr int kMinProceduralSize = 16, kMaxProceduralSize = 2048;

// [1, 3, size, size], RGB in [0, 1]; size is clamped to [16, 2048].
Tensor make_procedural_style(ProceduralStyle kind, int size, uint64_t seed);
