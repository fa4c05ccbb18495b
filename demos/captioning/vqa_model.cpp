#include "demos/captioning/vqa_model.h"

#include "demos/captioning/questions.h"
#include "demos/captioning/vocabulary.h"
#include "engine/ops/activations.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/linalg.h"
#include "engine/ops/losses.h"

namespace {

constexpr int kCells = 64;

Linear layer(uint64_t seed, uint64_t stream, int in, int out, Init init, const char* name) {
  Pcg32 rng(seed, stream);
  return Linear(in, out, rng, init, name);
}

}  // namespace

VqaModel::VqaModel(int image_depth, uint64_t seed)
    : question_(Vocabulary::questions().size(), 32, 96, seed + 7, "vqa.question"),
      cell_projection_(layer(seed, 0x7671610001ULL, image_depth, kCellFeatures, Init::He, "vqa.cell_projection")),
      image_layer_(layer(seed, 0x7671610002ULL, kCells * kCellFeatures, kFusedSize, Init::Glorot, "vqa.image")),
      question_layer_(layer(seed, 0x7671610003ULL, 96, kFusedSize, Init::Glorot, "vqa.question_layer")),
      hidden_layer_(layer(seed, 0x7671610004ULL, kFusedSize, kHiddenSize, Init::He, "vqa.hidden")),
      answer_layer_(layer(seed, 0x7671610005ULL, kHiddenSize, kAnswerCount, Init::Glorot, "vqa.answer")) {}

Var VqaModel::logits(Tape& tape, Var grid, const std::vector<std::vector<int>>& questions) const {
  if (!grid.ok()) return grid;
  const Shape& shape = grid.shape();
  if (shape.rank != 3 || shape[1] != kCells || shape[2] != cell_projection_.in_features())
    return tape.fail("vqa model: grid must be [B, 64, " + std::to_string(cell_projection_.in_features()) +
                     "], not " + shape.str());
  const int batch = shape[0];
  if (static_cast<int>(questions.size()) != batch)
    return tape.fail("vqa model: " + std::to_string(questions.size()) + " questions for " + std::to_string(batch) +
                     " images");
  // Each cell projected (one matmul over all B * 64 cells), then each image's cells side by side.
  Var cells = ops::relu(cell_projection_.forward(tape, ops::reshape(grid, Shape{batch * kCells, shape[2]})));
  Var image = ops::tanh(image_layer_.forward(tape, ops::reshape(cells, Shape{batch, kCells * kCellFeatures})));
  Var question = ops::tanh(question_layer_.forward(tape, question_.encode(tape, questions)));
  Var fused = ops::mul(image, question);  // Antol et al.'s point-wise fusion
  return answer_layer_.forward(tape, ops::relu(hidden_layer_.forward(tape, fused)));
}

Var VqaModel::loss(Tape& tape, Var grid, const std::vector<std::vector<int>>& questions,
                   const std::vector<int>& answers) const {
  return ops::cross_entropy(logits(tape, grid, questions), answers);
}

std::vector<Parameter*> VqaModel::parameters() {
  std::vector<Parameter*> all = question_.parameters();
  for (Linear* l : {&cell_projection_, &image_layer_, &question_layer_, &hidden_layer_, &answer_layer_})
    for (Parameter* p : l->parameters()) all.push_back(p);
  return all;
}
