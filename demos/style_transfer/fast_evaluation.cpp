#include "demos/style_transfer/fast_evaluation.h"

#include <algorithm>

Tensor optimise_pixels(TransformTrainer& trainer, const Tensor& content, int style, int iterations,
                       float learning_rate, std::string* error) {
  Parameter pixels("pixels", content.clone());
  pixels.grad = Tensor(content.shape());
  Adam adam({&pixels}, learning_rate);
  Tape tape;
  for (int i = 0; i < iterations; ++i) {
    tape.clear();
    PerceptualLossTerms terms = trainer.loss_terms(tape, tape.param(pixels), content, style);
    if (tape.failed()) {
      *error = tape.error();
      return Tensor();
    }
    adam.zero_grad();
    tape.backward(terms.total);
    adam.step();
    float* p = pixels.value.data();
    for (int k = 0; k < pixels.value.size(); ++k) p[k] = std::clamp(p[k], 0.0f, 1.0f);
  }
  return pixels.value.clone();
}
