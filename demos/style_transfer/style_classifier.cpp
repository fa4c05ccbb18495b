#include "demos/style_transfer/style_classifier.h"

#include "engine/ops/linalg.h"
#include "engine/ops/losses.h"

namespace {

// Glorot-uniform head weights from the seed's own stream, apart from the trunk's.
Linear make_head(int in, int classes, uint64_t seed) {
  Pcg32 rng(seed, 0x5ead);
  return Linear(in, classes, rng, Init::Glorot, "head");
}

}  // namespace

StyleClassifier::StyleClassifier(int classes, uint64_t seed, std::vector<int> widths)
    : trunk(std::move(widths)), head_(make_head(trunk.widths().back(), classes, seed)) {
  trunk.init_random(seed);
}

// relu4_2 [B, C, h, w] -> mean over h*w [B, C] -> head [B, classes].
Var StyleClassifier::logits(Tape& tape, Var images) {
  Var top = trunk.features(tape, images, {"relu4_2"}, tape.grad_enabled)[0];
  if (!top.ok()) return top;
  const Shape& s = top.shape();
  Var pooled = ops::mean(ops::reshape(top, Shape{s[0], s[1], s[2] * s[3]}), 2);
  return head_.forward(tape, pooled);
}

void StyleClassifier::normalise(const std::vector<Tensor>& images) {
  const std::vector<float> factors = trunk.normalise_activations(images);
  Tensor& w = head_.weight.value;
  for (int i = 0; i < w.size(); ++i) w[i] /= factors.back();
}

std::vector<Parameter*> StyleClassifier::parameters() {
  std::vector<Parameter*> out = trunk.parameters();
  out.push_back(&head_.weight);
  out.push_back(&head_.bias);
  return out;
}

std::vector<const Parameter*> StyleClassifier::const_parameters() const {
  std::vector<const Parameter*> out = trunk.const_parameters();
  out.push_back(&head_.weight);
  out.push_back(&head_.bias);
  return out;
}

ClassifierTraining::ClassifierTraining(StyleClassifier& model, const std::vector<ClassifierImage>& sources,
                                       ClassifierTrainingSettings settings)
    : model_(model),
      sources_(sources),
      settings_(settings),
      optimizer_(model.parameters(), settings.learning_rate),
      rng_(settings.data_seed) {
  for (Parameter* p : model_.parameters())
    if (p->grad.empty()) p->grad = Tensor(p->value.shape());
}

float ClassifierTraining::step() {
  CropBatch batch = sample_crops(sources_, settings_.batch, settings_.crop, true, rng_);
  Tape tape;
  Var loss = ops::cross_entropy(model_.logits(tape, tape.constant(batch.images)), batch.labels);
  optimizer_.zero_grad();
  if (!tape.backward(loss)) return loss.ok() ? loss.value().item() : 0.0f;
  optimizer_.step();
  return loss.value().item();
}

float classifier_accuracy(StyleClassifier& model, const std::vector<ClassifierImage>& sources, int crops, int crop,
                          uint64_t seed) {
  Pcg32 rng(seed, 0xacc);
  int correct = 0, seen = 0;
  while (seen < crops) {
    const int batch = std::min(32, crops - seen);
    CropBatch b = sample_crops(sources, batch, crop, true, rng);
    Tape tape;
    NoGradScope no_grad(tape);
    const Tensor& logits = model.logits(tape, tape.constant(b.images)).value();
    const int classes = logits.dim(1);
    for (int i = 0; i < batch; ++i) {
      int best = 0;
      for (int k = 1; k < classes; ++k)
        if (logits[i * classes + k] > logits[i * classes + best]) best = k;
      correct += best == b.labels[i];
    }
    seen += batch;
  }
  return static_cast<float>(correct) / static_cast<float>(crops);
}
