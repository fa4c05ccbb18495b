#include "demos/captioning/joint_embedding.h"

#include <cmath>

#include "demos/captioning/vocabulary.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/linalg.h"
#include "engine/ops/losses.h"

namespace ops {

// y = x / n with n = sqrt(|x|^2 + eps) per row; dx = (g - y (g . y)) / n.
Var l2_normalise_rows(Var x) {
  if (any_failed({x})) return x;
  Tape& tape = *x.tape;
  if (x.shape().rank != 2) return tape.fail("l2_normalise_rows: x must be [B, E], not " + x.shape().str());
  const int rows = x.shape()[0], cols = x.shape()[1];
  Tensor y(x.shape());
  auto norms = std::make_shared<std::vector<float>>(static_cast<size_t>(rows));
  const float* in = x.value().data();
  for (int r = 0; r < rows; ++r) {
    double squares = 0;
    for (int c = 0; c < cols; ++c) squares += static_cast<double>(in[r * cols + c]) * in[r * cols + c];
    const float n = static_cast<float>(std::sqrt(squares + 1e-12));
    (*norms)[static_cast<size_t>(r)] = n;
    for (int c = 0; c < cols; ++c) y.data()[r * cols + c] = in[r * cols + c] / n;
  }
  return tape.record(std::move(y), {x}, [x, norms, rows, cols](Tape& t, Var out) {
    const float* g = t.grad(out).data();
    const float* yv = t.value(out).data();
    float* dx = t.grad(x).data();
    for (int r = 0; r < rows; ++r) {
      double dot = 0;
      for (int c = 0; c < cols; ++c) dot += static_cast<double>(g[r * cols + c]) * yv[r * cols + c];
      const float n = (*norms)[static_cast<size_t>(r)];
      for (int c = 0; c < cols; ++c)
        dx[r * cols + c] += (g[r * cols + c] - yv[r * cols + c] * static_cast<float>(dot)) / n;
    }
  });
}

}  // namespace ops

Var contrastive_loss(Var images, Var captions, float temperature) {
  if (any_failed({images, captions})) return images.ok() ? captions : images;
  if (images.shape() != captions.shape() || images.shape().rank != 2)
    return images.tape->fail("contrastive loss: images " + images.shape().str() + " and captions " +
                             captions.shape().str() + " must both be [B, E]");
  const int batch = images.shape()[0];
  std::vector<int> diagonal(static_cast<size_t>(batch));
  for (int b = 0; b < batch; ++b) diagonal[static_cast<size_t>(b)] = b;
  Var similarity = ops::scale(ops::matmul(images, ops::transpose(captions)), 1.0f / temperature);  // [B, B]
  Var image_to_caption = ops::cross_entropy(similarity, diagonal);
  Var caption_to_image = ops::cross_entropy(ops::transpose(similarity), diagonal);
  return ops::scale(ops::add(image_to_caption, caption_to_image), 0.5f);
}

namespace {
Pcg32 projection_rng(uint64_t seed) { return Pcg32(seed, 0x6a6f696e74ULL); }
}  // namespace

JointEmbedding::JointEmbedding(int image_depth, uint64_t seed)
    : text_(Vocabulary::captions().size(), 32, 96, seed, "joint.text"),
      image_projection_([&] {
        Pcg32 rng = projection_rng(seed);
        return Linear(image_depth, kEmbeddingSize, rng, Init::Glorot, "joint.image_projection");
      }()),
      text_projection_([&] {
        Pcg32 rng = projection_rng(seed + 1);
        return Linear(96, kEmbeddingSize, rng, Init::Glorot, "joint.text_projection");
      }()) {}

Var JointEmbedding::image_vectors(Tape& tape, Var grid) const {
  if (!grid.ok()) return grid;
  if (grid.shape().rank != 3 || grid.shape()[2] != image_projection_.in_features())
    return tape.fail("joint embedding: grid must be [B, L, " + std::to_string(image_projection_.in_features()) +
                     "], not " + grid.shape().str());
  return ops::l2_normalise_rows(image_projection_.forward(tape, ops::mean(grid, 1)));
}

Var JointEmbedding::caption_vectors(Tape& tape, const std::vector<std::vector<int>>& captions) const {
  return ops::l2_normalise_rows(text_projection_.forward(tape, text_.encode(tape, captions)));
}

Var JointEmbedding::loss(Tape& tape, Var grid, const std::vector<std::vector<int>>& captions) const {
  return contrastive_loss(image_vectors(tape, grid), caption_vectors(tape, captions), kTemperature);
}

std::vector<Parameter*> JointEmbedding::parameters() {
  std::vector<Parameter*> all = text_.parameters();
  for (Linear* layer : {&image_projection_, &text_projection_})
    for (Parameter* p : layer->parameters()) all.push_back(p);
  return all;
}

RecallAtK caption_to_scene_recall(const std::vector<float>& images, const std::vector<float>& captions, int size) {
  RecallAtK out;
  const int n = static_cast<int>(images.size() / static_cast<size_t>(std::max(1, size)));
  if (size <= 0 || n == 0 || captions.size() != images.size()) return out;
  auto score = [&](int query, int scene) {
    double dot = 0;
    for (int e = 0; e < size; ++e)
      dot += static_cast<double>(captions[static_cast<size_t>(query * size + e)]) *
             images[static_cast<size_t>(scene * size + e)];
    return dot;
  };
  int hits_1 = 0, hits_5 = 0;
  for (int q = 0; q < n; ++q) {
    const double own = score(q, q);
    int ahead = 0;  // scenes scoring at least as high as the right one
    for (int s = 0; s < n; ++s) ahead += s != q && score(q, s) >= own ? 1 : 0;
    hits_1 += ahead < 1 ? 1 : 0;
    hits_5 += ahead < 5 ? 1 : 0;
  }
  out.queries = n;
  out.at_1 = static_cast<double>(hits_1) / n;
  out.at_5 = static_cast<double>(hits_5) / n;
  return out;
}
